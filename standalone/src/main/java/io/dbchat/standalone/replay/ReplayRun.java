package io.dbchat.standalone.replay;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay: selects the recorded questions, starts the stages in a namespace of its own, publishes each question
 * again as a new query marked {@code replayOf} its original (one new conversation per original conversation, each
 * follow-up with the turns its original had), at most {@code rate} a second, waits for every answer up to
 * {@code timeout}, compares, and removes the namespace. {@link #stop()} ends it early: nothing more is published, and
 * what was not answered yet counts as not finished.
 */
public final class ReplayRun {

    private static final Logger log = LoggerFactory.getLogger(ReplayRun.class);
    private static final Duration POLL = Duration.ofMillis(50);

    /** Hears how far the replay got: questions published, answered and in all. */
    public interface Progress {
        void update(int published, int finished, int total);
    }

    private final ReplayOptions options;
    private final Map<String, String> stageProperties;
    private final Progress progress;
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** {@code stageProperties} are Spring properties for the replay's stages (datasource, Redis) beyond the environment. */
    public ReplayRun(ReplayOptions options, Map<String, String> stageProperties, Progress progress) {
        this.options = options;
        this.stageProperties = Map.copyOf(stageProperties);
        this.progress = progress;
    }

    public void stop() {
        stopped.set(true);
    }

    public ReplayReport run() throws Exception {
        Originals.Selection selection = Originals.select(options);
        ReplayNamespace ns = ReplayNamespace.create(options.topicPrefix(), options.bootstrapServers());
        if (selection.originals().isEmpty()) {
            return ReplayReport.of(ns.runId(), options, selection, false, List.of());
        }
        log.info("Replaying {} questions in namespace {}", selection.originals().size(), ns.prefix());
        try (ReplayStages stages = ReplayStages.start(ns, options, stageProperties);
             ReplayCollector collector = new ReplayCollector(ns)) {
            Map<String, Originals.Original> published = publish(ns, selection.originals(), collector);
            awaitAnswers(published.keySet(), collector, selection.originals().size());
            List<Change> changes = new ArrayList<>();
            published.forEach((replayId, original) -> changes.add(ReplayComparison.compare(original, replayId,
                    collector.record(replayId), collector.rows(replayId))));
            return ReplayReport.of(ns.runId(), options, selection, stopped.get(), changes);
        } finally {
            try {
                ns.delete();
            } catch (Exception e) {
                log.warn("Could not delete the replay's topics {}*: {}", ns.prefix(), e.getMessage());
            }
        }
    }

    /** Publishes the questions in the order they were asked, paced; replay query id → original. */
    private Map<String, Originals.Original> publish(ReplayNamespace ns, List<Originals.Original> originals,
                                                    ReplayCollector collector) throws Exception {
        Topic<String, QuestionAsked> questions = ns.topics().questions();
        Map<String, String> conversations = new HashMap<>();
        Map<String, Originals.Original> published = new LinkedHashMap<>();
        var p = new PipelineProperties(options.bootstrapServers(), ns.prefix(), 1, (short) 1, Duration.ofDays(1),
                Duration.ofMillis(10), 1, null);
        long interval = (long) (1_000_000_000L / options.rate());
        long next = System.nanoTime();
        try (var producer = new KafkaProducer<>(KafkaClients.producer(p, "dbchat-replay-" + ns.runId()),
                questions.key().serializer(), questions.value().serializer())) {
            for (Originals.Original original : originals) {
                if (stopped.get()) {
                    break;
                }
                pace(next);
                next = Math.max(next, System.nanoTime()) + interval;
                String conversation = conversations.computeIfAbsent(original.record().conversationId(),
                        c -> UUID.randomUUID().toString());
                QuestionAsked replay = QuestionAsked.replayOf(original.question(), UUID.randomUUID().toString(),
                        conversation, Instant.now(), original.history());
                producer.send(new ProducerRecord<>(questions.name(), conversation, replay)).get(30, TimeUnit.SECONDS);
                published.put(replay.queryId(), original);
                progress.update(published.size(), finished(published.keySet(), collector), originals.size());
            }
        }
        return published;
    }

    private void awaitAnswers(Iterable<String> ids, ReplayCollector collector, int total) throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        int done = -1;
        List<String> all = new ArrayList<>();
        ids.forEach(all::add);
        while (!stopped.get() && System.nanoTime() < deadline) {
            int now = finished(all, collector);
            if (now != done) {
                done = now;
                progress.update(all.size(), now, total);
            }
            if (now == all.size()) {
                return;
            }
            Thread.sleep(POLL);
        }
    }

    private static int finished(Iterable<String> ids, ReplayCollector collector) {
        int n = 0;
        for (String id : ids) {
            n += collector.finished(id) ? 1 : 0;
        }
        return n;
    }

    /** Waits until the next question's slot: pacing is the point, so this sleeps. */
    private static void pace(long next) throws InterruptedException {
        long wait = next - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
