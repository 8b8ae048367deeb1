package io.dbchat.standalone.bench.pipeline;

import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a path's topics while questions go through one at a time, twice: read_uncommitted (when a stage wrote a
 * question's record) and read_committed (when its transaction made it visible to the next stage). The difference is
 * the commit wait; from one topic's visible moment to the next topic's write is the stage's own time, its queueing
 * and any wait for a punctuation. Times are {@link System#nanoTime()} readings, comparable with the asker's.
 */
final class StageTaps implements AutoCloseable {

    /** A question's record on a tapped topic: its query id and the stage's own timing in ms (-1 when it has none). */
    record Mark(String id, long ownMs) {
    }

    /** Reads a tapped record: its question's mark, or null when the record is not one the breakdown follows. */
    @FunctionalInterface
    interface Marker {
        Mark of(ConsumerRecord<String, byte[]> record);
    }

    /** When each question's record was first seen on topic i: written, visible, and the stage's own timing. */
    record Seen(long[] written, long[] visible, long[] ownMs) {
    }

    private final List<String> topics;
    private final List<Marker> marks;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean open = true;

    StageTaps(PipelineProperties pipeline, List<String> topics, List<Marker> marks) {
        this.topics = List.copyOf(topics);
        this.marks = List.copyOf(marks);
        for (boolean committed : new boolean[] {false, true}) {
            Map<String, Object> config = KafkaClients.reader(pipeline, "bench-tap-" + (committed ? "committed" : "written"));
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committed ? "read_committed" : "read_uncommitted");
            // an observer must not add a wait of its own to what it measures
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 2);
            var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is asked
            readers.add(Thread.ofPlatform().name("bench-tap").start(() -> read(consumer, committed)));
        }
    }

    private void read(KafkaConsumer<String, byte[]> consumer, boolean committed) {
        try (consumer) {
            while (open) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    int i = topics.indexOf(record.topic());
                    Mark mark = marks.get(i).of(record);
                    if (mark == null) {
                        continue;
                    }
                    Seen s = seen.computeIfAbsent(mark.id(), id -> new Seen(new long[topics.size()],
                            new long[topics.size()], new long[topics.size()]));
                    long[] at = committed ? s.visible() : s.written();
                    synchronized (s) {
                        if (at[i] == 0) {
                            at[i] = now;
                        }
                        if (mark.ownMs() >= 0) {
                            s.ownMs()[i] = mark.ownMs();
                        }
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What was seen of a question, once both readers have seen it on every topic; null otherwise. */
    Seen complete(String id) {
        Seen s = seen.get(id);
        if (s == null) {
            return null;
        }
        synchronized (s) {
            for (int i = 0; i < topics.size(); i++) {
                if (s.written()[i] == 0 || s.visible()[i] == 0) {
                    return null;
                }
            }
            return s;
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        for (Thread reader : readers) {
            reader.join(10_000);
        }
    }
}
