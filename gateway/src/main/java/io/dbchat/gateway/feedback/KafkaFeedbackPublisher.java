package io.dbchat.gateway.feedback;

import io.dbchat.contracts.events.FeedbackGiven;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Writes {@link FeedbackGiven} to the feedback topic keyed by conversation id, off the event loop. */
class KafkaFeedbackPublisher implements FeedbackPublisher, DisposableBean {

    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);

    private final Topic<String, FeedbackGiven> topic;
    private final KafkaProducer<String, FeedbackGiven> producer;

    KafkaFeedbackPublisher(PipelineProperties pipeline, Topics topics) {
        this.topic = topics.feedback();
        var config = KafkaClients.producer(pipeline, "dbchat-gateway-feedback-" + UUID.randomUUID());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        this.producer = new KafkaProducer<>(config, topic.key().serializer(), topic.value().serializer());
    }

    @Override
    public Mono<Void> publish(FeedbackGiven feedback) {
        var record = new ProducerRecord<>(topic.name(), feedback.conversationId(), feedback);
        return Mono.<Void>create(sink -> producer.send(record, (metadata, error) -> {
            if (error == null) {
                sink.success();
            } else {
                sink.error(error);
            }
        })).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
