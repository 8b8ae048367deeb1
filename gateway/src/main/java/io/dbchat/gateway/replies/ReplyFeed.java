package io.dbchat.gateway.replies;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.StageTracing;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.schema.SchemaCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the questions, replies and schema topics with one group-less read_committed consumer on its own
 * platform thread and feeds every {@link ReplyListener} (the {@link ReplyStore}, the conversations) and the
 * {@link SchemaCatalog}. Every gateway instance
 * reads every partition, so any instance can serve any query. A failing consumer is replaced after a pause;
 * the replay that follows is harmless because replies are deduplicated by seq.
 */
class ReplyFeed implements SmartLifecycle, FeedProgress {

    private static final Logger log = LoggerFactory.getLogger(ReplyFeed.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** How often the feed looks for partitions added to its topics while it runs. */
    private static final Duration NEW_PARTITIONS = Duration.ofSeconds(30);

    private final PipelineProperties pipeline;
    private final Topics topics;
    private final FeedPositions positions;
    private final ReplyStore store;
    private final List<ReplyListener> listeners;
    private final SchemaCatalog schemas;
    private final Optional<StageTracing> tracing;
    private final ReplayFilter replays = new ReplayFilter(100_000);
    private volatile boolean running;
    /** System.nanoTime() at the start of the latest poll after which the feed had no question left to read. */
    private volatile long caughtUpAt = Long.MIN_VALUE;
    private volatile boolean caughtUpOnce;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    ReplyFeed(PipelineProperties pipeline, Topics topics, GatewayProperties gateway, ReplyStore store,
              List<ReplyListener> listeners, SchemaCatalog schemas, Optional<StageTracing> tracing, Clock clock) {
        this.pipeline = pipeline;
        this.topics = topics;
        this.positions = new FeedPositions(topics, gateway.replayLookback(), clock);
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.schemas = schemas;
        this.tracing = tracing;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("dbchat-gateway-feed").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                consume();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Reply feed failed; reconnecting in {}", RETRY, e);
                pause();
            }
        }
    }

    private void consume() {
        var config = KafkaClients.reader(pipeline, "dbchat-gateway-feed-" + UUID.randomUUID());
        try (var c = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            positions.assignAndSeek(c, () -> running);
            long nextLook = System.nanoTime() + NEW_PARTITIONS.toNanos();
            while (running) {
                long polled = System.nanoTime();
                c.poll(POLL).forEach(this::dispatch);
                markProgress(c, polled);
                store.expire();
                if (System.nanoTime() - nextLook > 0) {
                    positions.addNew(c).forEach(tp -> log.info("Reading partition {}, added while running", tp));
                    nextLook = System.nanoTime() + NEW_PARTITIONS.toNanos();
                }
            }
        } finally {
            consumer = null;
        }
    }

    @Override
    public boolean caughtUpSince(long since) {
        return caughtUpOnce && caughtUpAt - since >= 0;
    }

    /** Caught up when every questions partition has no lag left (an unknown lag counts as behind). */
    private void markProgress(KafkaConsumer<byte[], byte[]> c, long polled) {
        for (TopicPartition tp : c.assignment()) {
            if (tp.topic().equals(topics.questions().name())) {
                OptionalLong lag = c.currentLag(tp);
                if (lag.isEmpty() || lag.getAsLong() > 0) {
                    return;
                }
            }
        }
        caughtUpAt = polled;
        caughtUpOnce = true;
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        try {
            if (topic.equals(topics.replies().name())) {
                ReplyEvent reply = topics.replies().value().deserializer().deserialize(topic, record.value());
                traceEnd(reply, record);
                onReply(reply);
            } else if (topic.equals(topics.questions().name())) {
                onQuestion(topics.questions().value().deserializer().deserialize(topic, record.value()));
            } else {
                onSchema(record.key(), topics.schema().value().deserializer().deserialize(topic, record.value()));
            }
        } catch (SerializationException e) {
            // a poison record is the DLQ's business, not the gateway's: skip it
            log.warn("Skipping unreadable record {}-{}@{}: {}", topic, record.partition(), record.offset(), e.getMessage());
        }
    }

    /** The last span of a question's trace: its terminal reply reached a gateway. */
    private void traceEnd(ReplyEvent reply, ConsumerRecord<byte[], byte[]> record) {
        if (reply != null && reply.type() != null && reply.type().isTerminal()) {
            tracing.ifPresent(t -> t.within(record.headers(), "gateway reply", reply.queryId(), headers -> { }));
        }
    }

    private void onReply(ReplyEvent reply) {
        if (reply != null && replays.admits(reply)) {
            listeners.forEach(l -> l.onReply(reply));
        }
    }

    private void onQuestion(QuestionAsked question) {
        // a question asked through any gateway instance makes its query known here too
        if (question != null && replays.admits(question)) {
            listeners.forEach(l -> l.onQuestion(question));
        }
    }

    private void onSchema(byte[] key, SchemaSnapshot snapshot) {
        if (snapshot != null) {
            schemas.put(snapshot.datasource(), snapshot);
        } else if (key != null) {
            schemas.put(new String(key, StandardCharsets.UTF_8), null);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
