package io.dbchat.gateway.replies;

import io.dbchat.contracts.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the feed starts: every partition of the questions and replies topics at the first record of
 * the last {@code lookback} (their end when there is none), and the compacted schema topic from the start.
 * Partitions added to a topic while the feed runs are picked up by {@link #addNew} and read from their start,
 * since everything in them was written after the feed began.
 */
final class FeedPositions {

    private static final Duration WAIT_FOR_TOPICS = Duration.ofMillis(500);

    private final Topics topics;
    private final Duration lookback;
    private final Clock clock;

    FeedPositions(Topics topics, Duration lookback, Clock clock) {
        this.topics = topics;
        this.lookback = lookback;
        this.clock = clock;
    }

    void assignAndSeek(Consumer<?, ?> consumer, BooleanSupplier running) {
        List<TopicPartition> recent = partitions(consumer, running, topics.questions().name(), topics.replies().name());
        List<TopicPartition> schema = partitions(consumer, running, topics.schema().name());
        List<TopicPartition> all = new ArrayList<>(recent);
        all.addAll(schema);
        consumer.assign(all);
        consumer.seekToBeginning(schema);
        seekToLookback(consumer, recent);
    }

    /** Assigns the partitions the topics gained since the last look, from their beginning; returns them. */
    List<TopicPartition> addNew(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        List<TopicPartition> added = new ArrayList<>();
        for (String name : List.of(topics.questions().name(), topics.replies().name(), topics.schema().name())) {
            List<PartitionInfo> infos = consumer.partitionsFor(name);
            if (infos != null) {
                infos.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                        .filter(tp -> !assigned.contains(tp)).forEach(added::add);
            }
        }
        if (!added.isEmpty()) {
            List<TopicPartition> all = new ArrayList<>(assigned);
            all.addAll(added);
            consumer.assign(all);
            consumer.seekToBeginning(added);
        }
        return added;
    }

    private void seekToLookback(Consumer<?, ?> consumer, List<TopicPartition> partitions) {
        long since = clock.instant().minus(lookback).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, since));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            consumer.seek(tp, at != null ? at.offset() : ends.get(tp));
        }
    }

    /** The partitions of the topics, waiting while a topic does not exist yet (it is created at start-up). */
    private static List<TopicPartition> partitions(Consumer<?, ?> consumer, BooleanSupplier running, String... names) {
        List<TopicPartition> out = new ArrayList<>();
        for (String name : names) {
            List<PartitionInfo> infos = consumer.partitionsFor(name);
            while ((infos == null || infos.isEmpty()) && running.getAsBoolean()) {
                sleep();
                infos = consumer.partitionsFor(name);
            }
            if (infos != null) {
                infos.forEach(p -> out.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return out;
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT_FOR_TOPICS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
