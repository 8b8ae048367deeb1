package io.dbchat.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.contracts.Headers;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@EmbeddedKafka(partitions = 1, topics = "dbchat.questions")
class TopicWriterIntegrationTest {

    private final Topics topics = Topics.withPrefix(Topics.DEFAULT_PREFIX);

    @Test
    void completesAfterTheAcknowledgementOffTheProducerThreadWithTheHeadersGiven(EmbeddedKafkaBroker broker) {
        var pipeline = pipeline(broker);
        var writer = new TopicWriter<>(pipeline, topics.questions(), "it-writer", Duration.ofMillis(2));
        try {
            // When 20 questions are sent at once through a lingering producer
            List<QuestionAsked> questions = IntStream.range(0, 20).mapToObj(i -> Fixtures.question("q" + i)).toList();
            List<String> completedOn = Flux.fromIterable(questions)
                    .flatMap(q -> writer.send(q.conversationId(), q, Map.of(Headers.TRACE_ID, q.queryId()))
                            .then(Mono.fromCallable(() -> Thread.currentThread().getName())))
                    .collectList().block(Duration.ofSeconds(30));

            // Then every send completed, none of them on Kafka's network thread
            assertThat(completedOn).hasSize(20).noneMatch(name -> name.startsWith("kafka-producer-network-thread"));
            // and every question is in the topic, each with its own trace header
            List<ConsumerRecord<String, QuestionAsked>> written = readAll(pipeline, 20);
            assertThat(written).extracting(r -> r.value().queryId())
                    .containsExactlyInAnyOrderElementsOf(questions.stream().map(QuestionAsked::queryId).toList());
            assertThat(written).allSatisfy(r -> assertThat(new String(
                    r.headers().lastHeader(Headers.TRACE_ID).value(), StandardCharsets.UTF_8)).isEqualTo(r.value().queryId()));
        } finally {
            writer.destroy();
        }
    }

    @Test
    void refusesANegativeLinger(EmbeddedKafkaBroker broker) {
        assertThatThrownBy(() -> new TopicWriter<>(pipeline(broker), topics.questions(), "it-writer", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linger");
    }

    private static PipelineProperties pipeline(EmbeddedKafkaBroker broker) {
        return new PipelineProperties(broker.getBrokersAsString(), Topics.DEFAULT_PREFIX, 1, (short) 1,
                Duration.ofDays(1), Duration.ofMillis(10), 1, null);
    }

    private List<ConsumerRecord<String, QuestionAsked>> readAll(PipelineProperties pipeline, int expected) {
        var topic = topics.questions();
        try (var consumer = new KafkaConsumer<>(KafkaClients.reader(pipeline, "it-reader"),
                topic.key().deserializer(), topic.value().deserializer())) {
            var partition = new TopicPartition(topic.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, QuestionAsked>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
