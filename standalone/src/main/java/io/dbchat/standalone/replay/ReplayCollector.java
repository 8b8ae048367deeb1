package io.dbchat.standalone.replay;

import io.dbchat.eval.ResultComparator;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.audit.AuditEvent;
import io.dbchat.gateway.audit.AuditFold;
import io.dbchat.gateway.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the replay namespace's pipeline topics while the replay runs and folds them into one audit record per replayed
 * query, as the gateway's audit does for the pipeline ({@link AuditFold}), keeping the rows of each answer to compare.
 */
final class ReplayCollector implements AutoCloseable {

    private final Topics topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, AuditRecord> records = new ConcurrentHashMap<>();
    private final Map<String, ResultComparator.Result> rows = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ReplayCollector(ReplayNamespace ns) {
        this.topics = ns.topics();
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ns.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "dbchat-replay-collector-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = List.of(topics.questions(), topics.sql(), topics.sqlFailures(), topics.results(),
                        topics.replies()).stream()
                .flatMap(t -> consumer.partitionsFor(t.name(), Duration.ofSeconds(30)).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = Thread.ofPlatform().name("dbchat-replay-collector").daemon().start(this::run);
    }

    AuditRecord record(String queryId) {
        return records.get(queryId);
    }

    ResultComparator.Result rows(String queryId) {
        return rows.get(queryId);
    }

    boolean finished(String queryId) {
        AuditRecord r = records.get(queryId);
        return r != null && r.outcome() != null && r.finishedAt() != null;
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(this::fold);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void fold(ConsumerRecord<byte[], byte[]> r) {
        Instant at = Instant.ofEpochMilli(r.timestamp());
        AuditEvent event = switch (r.topic()) {
            case String t when t.equals(topics.questions().name()) -> {
                QuestionAsked v = value(topics.questions(), r);
                yield v == null ? null : new AuditEvent(v, null, null, null, null, at);
            }
            case String t when t.equals(topics.sql().name()) -> {
                SqlProposed v = value(topics.sql(), r);
                yield v == null ? null : new AuditEvent(null, v, null, null, null, at);
            }
            case String t when t.equals(topics.sqlFailures().name()) -> {
                SqlFailed v = value(topics.sqlFailures(), r);
                yield v == null ? null : new AuditEvent(null, null, v, null, null, at);
            }
            case String t when t.equals(topics.results().name()) -> {
                QueryResult v = value(topics.results(), r);
                if (v instanceof QueryAnswered a) {
                    rows.put(a.queryId(), Originals.result(a));
                }
                yield v == null ? null : new AuditEvent(null, null, null, v, null, at);
            }
            default -> {
                ReplyEvent v = value(topics.replies(), r);
                yield v == null ? null : new AuditEvent(null, null, null, null, v, at);
            }
        };
        if (event != null && event.queryId() != null) {
            records.compute(event.queryId(), (id, old) -> AuditFold.apply(old, event));
        }
    }

    private static <V> V value(Topic<String, V> topic, ConsumerRecord<byte[], byte[]> r) {
        try {
            return topic.value().deserializer().deserialize(topic.name(), r.value());
        } catch (SerializationException e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10));
    }
}
