package io.dbchat.standalone.chaos;

import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** The topics as an exactly-once reader sees them (read_committed), read from the start to their current end. */
final class AnswerLog {

    private AnswerLog() {
    }

    /** Query id to the number of FINAL records the replies topic holds for it. */
    static Map<String, Integer> finals(String bootstrapServers) {
        Topic<String, ReplyEvent> replies = Topics.withPrefix(Topics.DEFAULT_PREFIX).replies();
        Map<String, Integer> finals = new HashMap<>();
        readAll(bootstrapServers, replies.name(), replies.key().deserializer(), replies.value().deserializer(), r -> {
            if (r.value() != null && r.value().type() == ReplyType.FINAL) {
                finals.merge(r.value().queryId(), 1, Integer::sum);
            }
        });
        return finals;
    }

    static <K, V> void readAll(String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values,
                               Consumer<ConsumerRecord<K, V>> each) {
        try (var consumer = new KafkaConsumer<>(KafkaClients.reader(settings(bootstrapServers), "chaos-verdict"),
                keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    static PipelineProperties settings(String bootstrapServers) {
        return new PipelineProperties(bootstrapServers, Topics.DEFAULT_PREFIX, 6, (short) 1, Duration.ofDays(7),
                Duration.ofMillis(10), 1, null);
    }
}
