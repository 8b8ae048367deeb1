package io.dbchat.standalone.audit;

import io.dbchat.contracts.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's committed records, every partition from the beginning (or from a time) to the end it had when the
 * reading started, without a consumer group. A record that does not parse is skipped: it is the DLQ's business.
 */
public final class TopicReading {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReading() {
    }

    public static <V> void readAll(String bootstrapServers, Topic<String, V> topic, Instant since,
                                   BiConsumer<ConsumerRecord<byte[], byte[]>, V> each) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "dbchat-audit-reader-" + UUID.randomUUID());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (var consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            seek(consumer, partitions, since);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    V value = value(topic, r);
                    if (value != null) {
                        each.accept(r, value);
                    }
                }
            }
        }
    }

    private static void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant since) {
        if (since == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(tp -> times.put(tp, since.toEpochMilli()));
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        consumer.offsetsForTimes(times).forEach((tp, found) ->
                consumer.seek(tp, found == null ? end.get(tp) : found.offset()));
    }

    private static <V> V value(Topic<String, V> topic, ConsumerRecord<byte[], byte[]> r) {
        try {
            return topic.value().deserializer().deserialize(topic.name(), r.value());
        } catch (SerializationException e) {
            return null;
        }
    }
}
