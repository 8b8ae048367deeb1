package io.dbchat.standalone.bench.pipeline;

import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a stretch of questions wrote to the broker, topic by topic, every topic included (the stages' changelogs,
 * {@code __consumer_offsets} and {@code __transaction_state}): the end offsets of every partition are read before and
 * after, and the records between are read back read_uncommitted. An offset the reader does not return is a
 * transaction marker (one per partition a transaction wrote to), so records plus markers is every append the broker
 * made. Divided by the questions asked in the stretch: what one question costs the broker, whatever else ran.
 */
final class RecordCounts {

    /** One topic's appends over the stretch: data records, their key and value bytes, and transaction markers. */
    record Topic(String name, long records, long bytes, long markers) {
    }

    /** Every topic that was written to, and how many questions were asked meanwhile. */
    record Counts(int questions, List<Topic> topics) {

        long records() {
            return topics.stream().mapToLong(Topic::records).sum();
        }

        long markers() {
            return topics.stream().mapToLong(Topic::markers).sum();
        }

        /** The counts per question as a table of text, one topic a line, the prefix left out of the names. */
        String text(String prefix) {
            StringBuilder s = new StringBuilder();
            double n = Math.max(1, questions);
            s.append(String.format(Locale.ROOT, "  appends per question over %d questions: %.2f records, %.2f"
                    + " transaction markers%n", questions, records() / n, markers() / n));
            s.append(String.format(Locale.ROOT, "    %-58s %8s %9s %8s%n", "topic", "records", "bytes", "markers"));
            for (Topic t : topics) {
                String name = t.name().startsWith(prefix) ? t.name().substring(prefix.length()) : t.name();
                s.append(String.format(Locale.ROOT, "    %-58s %8.2f %9.0f %8.2f%n", name, t.records() / n,
                        t.bytes() / n, t.markers() / n));
            }
            return s.toString();
        }
    }

    private final PipelineProperties pipeline;
    private final Map<TopicPartition, Long> start;

    private RecordCounts(PipelineProperties pipeline, Map<TopicPartition, Long> start) {
        this.pipeline = pipeline;
        this.start = start;
    }

    /** Reads every partition's end now: the start of the stretch. */
    static RecordCounts start(PipelineProperties pipeline) throws Exception {
        return new RecordCounts(pipeline, ends(pipeline));
    }

    /** Reads every partition's end again and counts what lies between. */
    Counts stop(int questions) throws Exception {
        Map<TopicPartition, Long> end = ends(pipeline);
        Map<String, long[]> byTopic = new TreeMap<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        end.forEach((partition, last) -> {
            long first = start.getOrDefault(partition, 0L);
            if (last > first) {
                from.put(partition, first);
                byTopic.computeIfAbsent(partition.topic(), t -> new long[3])[2] += last - first;
            }
        });
        Map<String, Object> config = KafkaClients.reader(pipeline, "bench-record-counts");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<TopicPartition> open = new ArrayList<>(from.keySet());
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    long[] counts = byTopic.get(record.topic());
                    counts[0]++;
                    counts[1] += (record.key() == null ? 0 : record.key().length)
                            + (record.value() == null ? 0 : record.value().length);
                }
                open.removeIf(p -> consumer.position(p) >= end.get(p));
            }
        }
        List<Topic> topics = new ArrayList<>();
        // whatever was not read back as a record was a marker (control records are never returned)
        byTopic.forEach((name, c) -> topics.add(new Topic(name, c[0], c[1], c[2] - c[0])));
        return new Counts(questions, List.copyOf(topics));
    }

    private static Map<TopicPartition, Long> ends(PipelineProperties pipeline)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()))) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            // read_uncommitted: the log end, markers and open transactions included
            Map<String, Object> config = KafkaClients.reader(pipeline, "bench-record-ends");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
            try (var ends = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                return new HashMap<>(ends.endOffsets(partitions, Duration.ofSeconds(30)));
            }
        }
    }
}
