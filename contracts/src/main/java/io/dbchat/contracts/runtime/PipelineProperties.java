package io.dbchat.contracts.runtime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a stage talks to Kafka ({@code dbchat.kafka.*}, e.g. {@code DBCHAT_KAFKA_BOOTSTRAP_SERVERS}).
 * {@code commitInterval} bounds exactly-once latency: read_committed readers see a record only after
 * the writer's transaction commits. {@code stateDir} null means a fresh temporary directory.
 * {@code instanceId} names this process in its stage's consumer group (static membership, so a restarted
 * instance takes its partitions back at once; null means the host name), and {@code sessionTimeout} is how
 * long a member that stopped answering keeps its partitions before the others take them over.
 */
@Validated
@ConfigurationProperties("dbchat.kafka")
public record PipelineProperties(
        @DefaultValue("127.0.0.1:9092") @NotBlank String bootstrapServers,
        @DefaultValue("dbchat.") @NotBlank String topicPrefix,
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10ms") Duration commitInterval,
        @DefaultValue("1") @Min(1) int streamThreads,
        String stateDir,
        String instanceId,
        @DefaultValue("true") boolean staticMembership,
        @DefaultValue("10s") Duration sessionTimeout) {

    @ConstructorBinding
    public PipelineProperties {
    }

    /** The settings without a group identity of their own: the host name, static, and a 10 s session timeout. */
    public PipelineProperties(String bootstrapServers, String topicPrefix, int partitions, short replicationFactor,
                              Duration retention, Duration commitInterval, int streamThreads, String stateDir) {
        this(bootstrapServers, topicPrefix, partitions, replicationFactor, retention, commitInterval, streamThreads,
                stateDir, null, true, Duration.ofSeconds(10));
    }
}
