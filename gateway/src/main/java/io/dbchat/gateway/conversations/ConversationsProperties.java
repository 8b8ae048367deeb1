package io.dbchat.gateway.conversations;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the conversation index ({@code dbchat.gateway.conversations.*}): how many conversations and
 * turns per conversation are kept (oldest first out), and how long a deletion marker lives in Redis.
 */
@Validated
@ConfigurationProperties("dbchat.gateway.conversations")
public record ConversationsProperties(
        @DefaultValue("50000") @Min(1) int maxConversations,
        @DefaultValue("50") @Min(1) int maxTurns,
        @DefaultValue("30d") Duration deletionRetention) {

    public static ConversationsProperties defaults() {
        return new ConversationsProperties(50_000, 50, Duration.ofDays(30));
    }
}
