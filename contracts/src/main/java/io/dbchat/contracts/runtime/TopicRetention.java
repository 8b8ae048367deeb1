package io.dbchat.contracts.runtime;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the topics keep what they hold ({@code dbchat.kafka.topic-retention.*}): {@code topics} overrides
 * {@code dbchat.kafka.retention} for single topics by their name without the prefix (e.g. {@code questions: 90d}), and
 * {@code schemaHistory} is how long every snapshot of the compacted schema topic stays before compaction may drop it
 * for a newer one of its datasource (its min.compaction.lag.ms), so an audit record's schema version can be read back.
 * Applied when a topic is created, and to the existing topics whenever a stage starts (see
 * {@link PipelineConfiguration#admin}).
 */
@ConfigurationProperties("dbchat.kafka.topic-retention")
public record TopicRetention(Map<String, Duration> topics, @DefaultValue("30d") Duration schemaHistory) {

    public TopicRetention {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
    }

    /** The retention of the topic of this name without its prefix, or {@code fallback}. */
    public Duration of(String suffix, Duration fallback) {
        return topics.getOrDefault(suffix, fallback);
    }
}
