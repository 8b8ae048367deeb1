package io.dbchat.contracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * A garbled payload is skipped by configuration and the stage goes on with the next record. (The copy
 * to the DLQ topic is sent through the real producer, so a broker-backed test asserts that part.)
 */
class PoisonRecordTest {

    final Topics topics = Topics.withPrefix("t.");
    final PipelineProperties properties = new PipelineProperties("127.0.0.1:1", "t.", 1, (short) 1,
            Duration.ofDays(1), Duration.ofMillis(10), 1, null);

    @Test
    void garbledQuestionIsSkippedAndTheNextOneIsProcessed() {
        var builder = new StreamsBuilder();
        builder.stream(topics.questions().name(), topics.questions().consumed())
                .mapValues(QuestionAsked::question)
                .to("t.out", org.apache.kafka.streams.kstream.Produced.with(Serdes.String(), Serdes.String()));
        var props = new Properties();
        props.putAll(StageStreams.config("probe", properties, topics));

        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            var raw = driver.createInputTopic(topics.questions().name(), Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            var in = driver.createInputTopic(topics.questions().name(), Serdes.String().serializer(),
                    topics.questions().value().serializer());
            var out = driver.createOutputTopic("t.out", Serdes.String().deserializer(), Serdes.String().deserializer());

            raw.pipeInput("c1", "{garbage".getBytes(StandardCharsets.UTF_8));
            in.pipeInput("c1", QuestionAsked.of("q2", "c1", "p", "demo", "still here?", Instant.EPOCH));

            assertThat(out.readValuesToList()).containsExactly("still here?");
            assertThat(driver.metrics().entrySet()).anySatisfy(m -> {
                assertThat(m.getKey().name()).isEqualTo("dropped-records-total");
                assertThat(((Number) m.getValue().metricValue()).doubleValue()).isEqualTo(1.0);
            });
        }
    }
}
