package io.dbchat.schemapublisher;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Publishes snapshots with a plain idempotent producer, and reads the compacted topic from the start
 * to its end to learn what is already published (so a restart does not republish the same version).
 */
final class KafkaSnapshotSink implements SnapshotSink {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final PipelineProperties kafka;
    private final Topic<String, SchemaSnapshot> topic;
    private final KafkaProducer<String, SchemaSnapshot> producer;

    KafkaSnapshotSink(PipelineProperties kafka, Topic<String, SchemaSnapshot> topic) {
        this.kafka = kafka;
        this.topic = topic;
        this.producer = new KafkaProducer<>(KafkaClients.producer(kafka, "schema-publisher"),
                topic.key().serializer(), topic.value().serializer());
    }

    @Override
    public void publish(SchemaSnapshot snapshot) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), snapshot.datasource(), snapshot))
                .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Map<String, String> publishedVersions() throws Exception {
        Map<String, String> versions = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(KafkaClients.reader(kafka, "schema-publisher-reader"),
                topic.key().deserializer(), topic.value().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), SEND_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, SEND_TIMEOUT);
            Instant deadline = Instant.now().plus(SEND_TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("Reading " + topic.name() + " took longer than " + SEND_TIMEOUT);
                }
                for (ConsumerRecord<String, SchemaSnapshot> r : consumer.poll(Duration.ofMillis(200))) {
                    remember(versions, r);
                }
            }
        }
        return versions;
    }

    private static void remember(Map<String, String> versions, ConsumerRecord<String, SchemaSnapshot> r) {
        if (r.value() == null) {
            versions.remove(r.key());
        } else {
            versions.put(r.key(), r.value().version());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
