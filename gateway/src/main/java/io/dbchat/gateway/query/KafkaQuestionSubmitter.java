package io.dbchat.gateway.query;

import io.dbchat.contracts.Headers;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes questions to the questions topic, keyed by conversation id so a conversation stays in order.
 * {@code send} may block while it fetches metadata, so it runs off the event loop, bounded by max.block.ms.
 */
class KafkaQuestionSubmitter implements QuestionSubmitter, DisposableBean {

    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);

    private final Topic<String, QuestionAsked> topic;
    private final KafkaProducer<String, QuestionAsked> producer;

    KafkaQuestionSubmitter(PipelineProperties pipeline, Topics topics) {
        this.topic = topics.questions();
        Map<String, Object> config = KafkaClients.producer(pipeline, "dbchat-gateway-" + UUID.randomUUID());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        this.producer = new KafkaProducer<>(config, topic.key().serializer(), topic.value().serializer());
    }

    @Override
    public Mono<Void> submit(QuestionAsked question) {
        return Mono.<Void>create(sink -> producer.send(record(question), (metadata, error) -> {
            if (error == null) {
                sink.success();
            } else {
                sink.error(error);
            }
        })).subscribeOn(Schedulers.boundedElastic());
    }

    private ProducerRecord<String, QuestionAsked> record(QuestionAsked question) {
        var record = new ProducerRecord<>(topic.name(), question.conversationId(), question);
        record.headers().add(Headers.TRACE_ID, question.queryId().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.SOURCE_STAGE, "gateway".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
