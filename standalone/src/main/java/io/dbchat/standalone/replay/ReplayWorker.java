package io.dbchat.standalone.replay;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.audit.ReplayLauncher.Request;
import io.dbchat.gateway.audit.ReplayLauncher.Update;
import io.dbchat.gateway.audit.ReplayProgress;
import io.dbchat.gateway.audit.ReplayRequested;
import io.dbchat.gateway.audit.ReplayTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the replays gateways ask for ({@code POST /api/audit/replays}): a member of the group
 * {@code <prefix>replay-worker} on {@code replay.requests}, it takes a start, says {@code accepted}, runs it as
 * {@code dbchat replay} does ({@link ReplayRun}: the stages started for the chosen translator, model and prompt version
 * in a namespace of their own) and publishes its progress (repeated every {@link #HEARTBEAT}, so a gateway can tell a
 * long run from a dead worker) and its report or error on {@code replay.updates}; a stop of a run it holds stops it.
 * It runs {@code maxRuns} replays at once and refuses more (busy); a start older than {@code staleAfter} nobody waits
 * for any more, and is left.
 */
public final class ReplayWorker implements AutoCloseable {

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ReplayWorker.class);

    private final PipelineProperties pipeline;
    private final ReplayTopics topics;
    private final Map<String, String> stageProperties;
    private final int maxRuns;
    private final Duration staleAfter;
    private final Clock clock;
    private final KafkaConsumer<String, ReplayRequested> requests;
    private final KafkaProducer<String, ReplayProgress> updates;
    private final Map<String, Running> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dbchat-replay-heartbeat").daemon().factory());
    private final Thread loop;
    private volatile boolean running = true;

    /** A run in progress and the last thing said of it. */
    private record Running(ReplayRun run, AtomicReference<Update> last) {
    }

    private ReplayWorker(PipelineProperties pipeline, Map<String, String> stageProperties, int maxRuns,
                         Duration staleAfter, Clock clock) {
        this.pipeline = pipeline;
        this.topics = ReplayTopics.withPrefix(pipeline.topicPrefix());
        this.stageProperties = Map.copyOf(stageProperties);
        this.maxRuns = maxRuns;
        this.staleAfter = staleAfter;
        this.clock = clock;
        createTopics();
        Map<String, Object> c = new HashMap<>(KafkaClients.reader(pipeline, "dbchat-replay-worker"));
        c.put(ConsumerConfig.GROUP_ID_CONFIG, pipeline.topicPrefix() + "replay-worker");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        // a new group reads the topic's day of requests: the starts nobody waits for any more are left by their age
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.requests = new KafkaConsumer<>(c, new StringDeserializer(), topics.requests().value().deserializer());
        this.updates = new KafkaProducer<>(KafkaClients.producer(pipeline, "dbchat-replay-worker-updates"),
                topics.updates().key().serializer(), topics.updates().value().serializer());
        requests.subscribe(List.of(topics.requests().name()));
        heartbeat.scheduleAtFixedRate(this::repeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        this.loop = Thread.ofPlatform().name("dbchat-replay-worker").start(this::consume);
    }

    /**
     * A worker on the pipeline's broker and topic prefix; {@code stageProperties} are the Spring properties of the
     * replays' stages beyond the environment (datasource, Redis, model), as {@code dbchat replay} takes them.
     */
    public static ReplayWorker start(PipelineProperties pipeline, Map<String, String> stageProperties) {
        return new ReplayWorker(pipeline, stageProperties, 1, Duration.ofMinutes(1), Clock.systemUTC());
    }

    private void consume() {
        try {
            while (running) {
                for (ConsumerRecord<String, ReplayRequested> r : poll()) {
                    if (r.value() != null && r.value().runId() != null) {
                        take(r.value());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            requests.close(Duration.ofSeconds(5));
        }
    }

    /** The next requests; a record that is not a request is logged and passed over. */
    private Iterable<ConsumerRecord<String, ReplayRequested>> poll() {
        try {
            return requests.poll(Duration.ofMillis(200));
        } catch (RecordDeserializationException e) {
            log.warn("Passing over a record of {} that is not a replay request: {}", e.topicPartition(), e.getMessage());
            requests.seek(e.topicPartition(), e.offset() + 1);
            return List.of();
        }
    }

    private void take(ReplayRequested message) {
        if (ReplayRequested.STOP.equals(message.action())) {
            Running run = runs.get(message.runId());
            if (run != null) {
                log.info("Replay {} stopped by its asker", message.runId());
                run.run().stop();
            }
            return;
        }
        if (message.at() != null && message.at().plus(staleAfter).isBefore(clock.instant())) {
            log.info("Replay {} asked at {} is left: nobody waits for it any more", message.runId(), message.at());
            return;
        }
        if (runs.size() >= maxRuns) {
            say(message.runId(), Update.error(ErrorCode.RATE_LIMITED.problem(
                    "The replay worker is running another replay; try again when it is done.")));
            return;
        }
        ReplayOptions options;
        try {
            message.request().validate();
            options = options(message.request());
        } catch (RuntimeException e) {
            say(message.runId(), Update.error(ErrorCode.INVALID_REQUEST.problem(e.getMessage())));
            return;
        }
        AtomicReference<Update> last = new AtomicReference<>(Update.accepted());
        ReplayRun run = new ReplayRun(options, stageProperties, (published, finished, total) -> {
            last.set(Update.progress(published, finished, total));
            say(message.runId(), last.get());
        });
        runs.put(message.runId(), new Running(run, last));
        say(message.runId(), last.get());
        log.info("Replay {} for {}: {} to {}", message.runId(), message.requestedBy(), options.from(), options.to());
        Thread.ofVirtual().name("dbchat-replay-" + message.runId()).start(() -> execute(message.runId(), run));
    }

    private void execute(String runId, ReplayRun run) {
        try {
            ReplayReport report = run.run();
            say(runId, Update.report(Json.MAPPER.readTree(report.json())));
        } catch (Exception e) {
            log.warn("Replay {} failed", runId, e);
            say(runId, Update.error(ErrorCode.INTERNAL.problem("The replay failed: " + e.getMessage())));
        } finally {
            runs.remove(runId);
        }
    }

    /** Says again the last thing said of each run: its progress, or that it was taken while its stages start. */
    private void repeat() {
        runs.forEach((runId, run) -> say(runId, run.last().get()));
    }

    private void say(String runId, Update update) {
        updates.send(new ProducerRecord<>(topics.updates().name(), runId, ReplayProgress.of(runId, update, clock.instant())),
                (metadata, error) -> {
                    if (error != null) {
                        log.warn("Could not publish the {} of replay {}: {}", update.type(), runId, error.toString());
                    }
                });
    }

    private ReplayOptions options(Request r) {
        return new ReplayOptions(r.from(), r.to(), r.principal(), r.datasource(), r.translator(), r.model(),
                r.promptVersion(), null, r.maxRegressions() == null ? 0 : r.maxRegressions(),
                r.rate() == null ? 10 : r.rate(), r.limit() == null ? 1000 : r.limit(),
                Duration.ofSeconds(r.timeoutSeconds() == null ? 120 : r.timeoutSeconds()), pipeline.bootstrapServers(),
                pipeline.topicPrefix());
    }

    /** The request and update topics, when no gateway has made them yet (a day of retention: they are not the audit). */
    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()))) {
            for (NewTopic topic : topics.newTopics(pipeline.partitions(), pipeline.replicationFactor())) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not answer", e);
        }
    }

    @Override
    public void close() {
        running = false;
        requests.wakeup();
        runs.values().forEach(r -> r.run().stop());
        try {
            loop.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat.shutdownNow();
        updates.close(Duration.ofSeconds(5));
    }
}
