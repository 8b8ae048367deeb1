package io.dbchat.gateway.audit;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Replays through the replay workers: a start request goes to {@code replay.requests} under a new run id, and the run's
 * records on {@code replay.updates} (read from the end as it was before the request) come back as updates until the
 * report or an error. Any gateway instance serves any request: it follows its own run only. No worker taking the
 * request within {@code acceptTimeout}, or a worker silent for {@code silenceTimeout} (workers repeat their progress
 * every few seconds), ends the stream with an error; cancelling it asks the worker to stop.
 */
public final class TopicReplays implements ReplayLauncher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicReplays.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ReplayTopics topics;
    private final KafkaProducer<String, ReplayRequested> producer;
    private final Map<String, Object> readerConfig;
    private final Duration acceptTimeout;
    private final Duration silenceTimeout;
    private final Clock clock;

    /** {@code producerConfig} and {@code readerConfig}: the Kafka clients' settings (the reader commits nothing). */
    public TopicReplays(ReplayTopics topics, Map<String, Object> producerConfig, Map<String, Object> readerConfig,
                        Duration acceptTimeout, Duration silenceTimeout, Clock clock) {
        this.topics = topics;
        this.producer = new KafkaProducer<>(producerConfig, topics.requests().key().serializer(),
                topics.requests().value().serializer());
        this.readerConfig = Map.copyOf(readerConfig);
        this.acceptTimeout = acceptTimeout;
        this.silenceTimeout = silenceTimeout;
        this.clock = clock;
    }

    @Override
    public Flux<Update> start(Request request, String requestedBy) {
        request.validate();
        String runId = UUID.randomUUID().toString();
        return Flux.create(sink -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            sink.onDispose(() -> cancelled.set(true));
            Thread.ofVirtual().name("dbchat-replay-" + runId).start(() -> follow(runId, request, requestedBy, sink, cancelled));
        });
    }

    private void follow(String runId, Request request, String requestedBy, FluxSink<Update> sink, AtomicBoolean cancelled) {
        try (var reader = new KafkaConsumer<>(readerConfig, new StringDeserializer(), topics.updates().value().deserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topics.updates().name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            reader.seekToEnd(partitions);
            partitions.forEach(reader::position);
            send(ReplayRequested.start(runId, request, requestedBy, clock.instant()));
            Instant asked = clock.instant();
            Instant heard = null;
            while (!cancelled.get()) {
                for (ConsumerRecord<String, ReplayProgress> r : poll(reader)) {
                    if (!runId.equals(r.key()) || r.value() == null || r.value().update() == null) {
                        continue;
                    }
                    heard = clock.instant();
                    Update update = r.value().update();
                    if (!Update.ACCEPTED.equals(update.type())) {
                        sink.next(update);
                    }
                    if (update.last()) {
                        sink.complete();
                        return;
                    }
                }
                Problem silence = silence(asked, heard);
                if (silence != null) {
                    sink.next(Update.error(silence));
                    sink.complete();
                    break;
                }
            }
            send(ReplayRequested.stop(runId, clock.instant()));
        } catch (Exception e) {
            log.warn("Replay {} could not be asked for", runId, e);
            sink.next(Update.error(ErrorCode.UNAVAILABLE.problem("The replay could not be asked for; try again shortly.")));
            sink.complete();
        }
    }

    /** The next updates; a record that is not an update (not this gateway's business) is passed over. */
    private static Iterable<ConsumerRecord<String, ReplayProgress>> poll(KafkaConsumer<String, ReplayProgress> reader) {
        try {
            return reader.poll(POLL);
        } catch (RecordDeserializationException e) {
            reader.seek(e.topicPartition(), e.offset() + 1);
            return List.of();
        }
    }

    /** Why the run is given up: no worker took it, or its worker went silent; null while it is fine. */
    private Problem silence(Instant asked, Instant heard) {
        Instant now = clock.instant();
        if (heard == null && now.isAfter(asked.plus(acceptTimeout))) {
            return ErrorCode.UNAVAILABLE.problem("No replay worker took the request within " + acceptTimeout.toSeconds()
                    + " s: replays run in a replay worker ('dbchat replay-worker', or the standalone process).");
        }
        if (heard != null && now.isAfter(heard.plus(silenceTimeout))) {
            return ErrorCode.UNAVAILABLE.problem("The replay worker running this replay has not been heard from for "
                    + silenceTimeout.toSeconds() + " s.");
        }
        return null;
    }

    private void send(ReplayRequested message) throws Exception {
        producer.send(new ProducerRecord<>(topics.requests().name(), message.runId(), message)).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
