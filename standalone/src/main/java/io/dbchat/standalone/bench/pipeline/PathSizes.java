package io.dbchat.standalone.bench.pipeline;

import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The mean size of the values dbchat wrote on each topic of its path (on replies, of the FINALs), in bytes. */
final class PathSizes {

    private PathSizes() {
    }

    static int[] measure(PipelineProperties pipeline, List<String> topics, String finalTopic) {
        int[] sizes = new int[topics.size()];
        try (var consumer = new KafkaConsumer<>(KafkaClients.reader(pipeline, "bench-sizes"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            for (int i = 0; i < topics.size(); i++) {
                String topic = topics.get(i);
                List<TopicPartition> partitions = new ArrayList<>();
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                var end = consumer.endOffsets(partitions);
                long bytes = 0;
                long count = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                        boolean counts = !topic.equals(finalTopic)
                                || new String(record.value(), StandardCharsets.UTF_8).contains("\"type\":\"FINAL\"");
                        if (counts) {
                            bytes += record.value().length;
                            count++;
                        }
                    }
                }
                sizes[i] = count == 0 ? 100 : (int) (bytes / count);
            }
        }
        return sizes;
    }
}
