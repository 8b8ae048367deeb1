package io.dbchat.gateway.replies;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FeedPositionsTest {

    final Topics topics = Topics.withPrefix(Topics.DEFAULT_PREFIX);
    final FeedPositions positions = new FeedPositions(topics, Duration.ofMinutes(30), Clock.systemUTC());
    final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void readsAPartitionAddedWhileRunningFromItsStart() {
        partitions(topics.questions().name(), 2);
        partitions(topics.replies().name(), 2);
        partitions(topics.schema().name(), 1);
        consumer.assign(List.of(tp(topics.questions().name(), 0), tp(topics.questions().name(), 1),
                tp(topics.replies().name(), 0), tp(topics.replies().name(), 1), tp(topics.schema().name(), 0)));
        assertThat(positions.addNew(consumer)).isEmpty();

        partitions(topics.replies().name(), 3);
        consumer.updateBeginningOffsets(Map.of(tp(topics.replies().name(), 2), 0L));

        assertThat(positions.addNew(consumer)).containsExactly(tp(topics.replies().name(), 2));
        assertThat(consumer.assignment()).hasSize(6).contains(tp(topics.replies().name(), 0));
        assertThat(consumer.position(tp(topics.replies().name(), 2))).isZero();
        assertThat(positions.addNew(consumer)).isEmpty();
    }

    private void partitions(String topic, int count) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        consumer.updatePartitions(topic, java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new PartitionInfo(topic, i, null, null, null)).toList());
        for (int i = 0; i < count; i++) {
            starts.put(tp(topic, i), 0L);
        }
        consumer.updateBeginningOffsets(starts);
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }
}
