package io.dbchat.conversations;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The conversation records ({@code dbchat.conversations.*}), the same for every stage: how long a conversation
 * lives after its last activity, how many turns it keeps (oldest out first), and up to how many bytes of rows
 * (as JSON) a turn keeps to be shown again; a larger result keeps no rows and is re-run on request.
 */
@Validated
@ConfigurationProperties("dbchat.conversations")
public record ConversationsProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("100") @Min(1) int maxTurns,
        @DefaultValue("262144") @Min(0) int maxRowBytes) {

    public static ConversationsProperties defaults() {
        return new ConversationsProperties(Duration.ofDays(30), 100, 262_144);
    }
}
