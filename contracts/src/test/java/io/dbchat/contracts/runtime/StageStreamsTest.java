package io.dbchat.contracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.topics.Topics;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StageStreamsTest {

    private static PipelineProperties committingEvery(Duration interval) {
        return new PipelineProperties("127.0.0.1:1", "dbchat.", 1, (short) 1, Duration.ofDays(1), interval, 1, null);
    }

    @Test
    void anIdlePollHoldsNoCommitOrPunctuationLongerThanTheCommitInterval() {
        var config = StageStreams.config("executor", committingEvery(Duration.ofMillis(10)), Topics.withPrefix("dbchat."));

        assertThat(config).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10L)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 10L);
    }

    @Test
    void aRecordAsLargeAsAnAnswerMayBeIsWrittenToTopicsAndChangelogs() {
        var config = StageStreams.config("interpreter", committingEvery(Duration.ofMillis(10)), Topics.withPrefix("dbchat."));

        assertThat(config)
                .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), StageStreams.MAX_RECORD_BYTES)
                .containsEntry(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
                        String.valueOf(StageStreams.MAX_RECORD_BYTES));
        assertThat(KafkaClients.producer(committingEvery(Duration.ofMillis(10)), "writer"))
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StageStreams.MAX_RECORD_BYTES);
    }

    @Test
    void aZeroCommitIntervalStillPollsWithATimeout() {
        var config = StageStreams.config("executor", committingEvery(Duration.ZERO), Topics.withPrefix("dbchat."));

        assertThat(config).containsEntry(StreamsConfig.POLL_MS_CONFIG, 1L);
    }
}
