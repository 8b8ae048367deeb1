package io.dbchat.gateway.audit;

import io.dbchat.contracts.serde.JsonSerde;
import io.dbchat.contracts.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The two topics between gateways and replay workers, keyed by run id: {@code replay.requests} (a gateway asks for a
 * replay, or for its end) and {@code replay.updates} (the worker that took it says so, then its progress, then its
 * report or error). A run's records share a key, so one worker of the group reads all of a run's requests.
 */
public record ReplayTopics(Topic<String, ReplayRequested> requests, Topic<String, ReplayProgress> updates) {

    public static ReplayTopics withPrefix(String prefix) {
        return new ReplayTopics(
                new Topic<>(prefix + "replay.requests", Serdes.String(), new JsonSerde<>(ReplayRequested.class)),
                new Topic<>(prefix + "replay.updates", Serdes.String(), new JsonSerde<>(ReplayProgress.class)));
    }

    /** Both topics as the gateway and the workers create them: a day of retention (they are not the audit log). */
    public List<NewTopic> newTopics(int partitions, short replicationFactor) {
        Map<String, String> day = Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()));
        return List.of(requests.name(), updates.name()).stream()
                .map(name -> new NewTopic(name, partitions, replicationFactor).configs(day)).toList();
    }
}
