package io.dbchat.gateway.kafka;

import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Writes events to one topic, off the event loop; each send completes once Kafka acknowledged it. */
public final class TopicWriter<V> implements DisposableBean {

    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);

    private final Topic<String, V> topic;
    private final KafkaProducer<String, V> producer;

    public TopicWriter(PipelineProperties pipeline, Topic<String, V> topic, String clientName) {
        this.topic = topic;
        var config = KafkaClients.producer(pipeline, clientName + "-" + UUID.randomUUID());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        this.producer = new KafkaProducer<>(config, topic.key().serializer(), topic.value().serializer());
    }

    public Mono<Void> send(String key, V value) {
        var record = new ProducerRecord<>(topic.name(), key, value);
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
