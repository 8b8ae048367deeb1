package io.dbchat.gateway;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the gateway ({@code dbchat.gateway.*}). {@code replayLookback} is how far back in the
 * replies and questions topics a starting gateway reads, so queries asked just before a restart stay
 * answerable; completed queries are kept {@code completedRetention}, unfinished ones {@code pendingRetention}.
 * A query not seen yet is waited for {@code unknownQueryGrace} (its question may still be on its way from
 * another instance) before it is a 404; {@code subscriberBuffer} bounds each SSE or WebSocket subscriber.
 * {@code submitLinger} is how long the question producer waits to gather concurrent questions into one
 * produce request (Kafka's linger.ms): each 202 may come that much later, and the broker handles far
 * fewer requests under load. {@code maxSqlBytes} bounds SQL sent to run as written ({@code POST /api/chat/sql}).
 */
@Validated
@ConfigurationProperties("dbchat.gateway")
public record GatewayProperties(
        @DefaultValue("30s") Duration answerTimeout,
        @DefaultValue("4096") @Min(1) int maxQuestionBytes,
        @DefaultValue("30m") Duration replayLookback,
        @DefaultValue("100000") @Min(1) int maxBufferedQueries,
        @DefaultValue("10m") Duration completedRetention,
        @DefaultValue("1h") Duration pendingRetention,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("256") @Min(1) int subscriberBuffer,
        @DefaultValue("2s") Duration unknownQueryGrace,
        @DefaultValue("2ms") Duration submitLinger,
        @DefaultValue("16384") @Min(1) int maxSqlBytes) {

    /** All defaults, for tests and for callers that build the gateway's parts by hand. */
    public static GatewayProperties defaults() {
        return new GatewayProperties(Duration.ofSeconds(30), 4096, Duration.ofMinutes(30), 100_000,
                Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(15), 256, Duration.ofSeconds(2), Duration.ofMillis(2),
                16384);
    }
}
