package io.dbchat.gateway.kafka;

import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
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
 * Writes events to one topic; each send completes once Kafka acknowledged it (acks=all, idempotent).
 * {@code send} may block while it fetches metadata, so it runs off the event loop, bounded by max.block.ms.
 * The acknowledgement arrives on the producer's single network thread; whatever follows it (rendering the
 * HTTP response) continues on the parallel scheduler, so that thread goes back to sending at once.
 * A {@code linger} above zero lets concurrent sends share one produce request: the broker's cost is per
 * request, and each send waits at most that much longer for its acknowledgement.
 */
public final class TopicWriter<V> implements DisposableBean {

    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);

    private final Topic<String, V> topic;
    private final KafkaProducer<String, V> producer;

    public TopicWriter(PipelineProperties pipeline, Topic<String, V> topic, String clientName) {
        this(pipeline, topic, clientName, Duration.ZERO);
    }

    public TopicWriter(PipelineProperties pipeline, Topic<String, V> topic, String clientName, Duration linger) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative: " + linger);
        }
        this.topic = topic;
        var config = KafkaClients.producer(pipeline, clientName + "-" + UUID.randomUUID());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        this.producer = new KafkaProducer<>(config, topic.key().serializer(), topic.value().serializer());
    }

    public Mono<Void> send(String key, V value) {
        return send(key, value, Map.of());
    }

    /** Sends with the given record headers (UTF-8 values). */
    public Mono<Void> send(String key, V value, Map<String, String> headers) {
        return Mono.<Void>create(sink -> producer.send(record(key, value, headers), (metadata, error) -> {
                    if (error == null) {
                        sink.success();
                    } else {
                        sink.error(error);
                    }
                }))
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(Schedulers.parallel());
    }

    private ProducerRecord<String, V> record(String key, V value, Map<String, String> headers) {
        var record = new ProducerRecord<>(topic.name(), key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
