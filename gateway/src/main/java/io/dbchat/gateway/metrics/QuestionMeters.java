package io.dbchat.gateway.metrics;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.gateway.replies.ReplyListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Questions in and out of this gateway instance, and where their time went. Each query submitted here is
 * followed on the reply feed until its terminal reply: {@code dbchat.questions.submitted} and
 * {@code dbchat.questions.answered} (by outcome) count them, {@code dbchat.question.duration} times the whole
 * way, and {@code dbchat.stage.duration} the time from each stage's STATUS reply to the next step (the stages'
 * own clocks stamp the replies). Queries asked through other instances are theirs to count. At most
 * {@code capacity} queries are followed; when full, those older than {@code forgetAfter} are let go.
 */
public final class QuestionMeters implements ReplyListener {

    public static final String SUBMITTED = "dbchat.questions.submitted";
    public static final String ANSWERED = "dbchat.questions.answered";
    public static final String DURATION = "dbchat.question.duration";
    public static final String STAGE_DURATION = "dbchat.stage.duration";

    /** Histogram buckets: a few, from a cached answer to a slow model's. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final int capacity;
    private final Duration forgetAfter;
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();

    private record Followed(String kind, Instant askedAt, String stage, Instant stageAt, long seq) {
    }

    public QuestionMeters(MeterRegistry registry, int capacity, Duration forgetAfter) {
        this.registry = registry;
        this.capacity = capacity;
        this.forgetAfter = forgetAfter;
    }

    /** A query this instance handed to the pipeline: a "question" to translate, or "sql" written by the caller. */
    public void submitted(QuestionAsked question, String kind) {
        registry.counter(SUBMITTED, "kind", kind).increment();
        if (followed.size() >= capacity) {
            Instant before = Instant.now().minus(forgetAfter);
            followed.values().removeIf(f -> f.askedAt().isBefore(before));
        }
        if (followed.size() < capacity) {
            followed.put(question.queryId(), new Followed(kind, question.askedAt(), null, null, -1));
        }
    }

    @Override
    public void onQuestion(QuestionAsked question) {
        // questions are counted when this instance submits them, not when any instance's echo comes back
    }

    @Override
    public void onReply(ReplyEvent reply) {
        if (reply.type() == ReplyType.TOKEN) {
            return;
        }
        followed.computeIfPresent(reply.queryId(), (id, f) -> reply.seq() <= f.seq() ? f : next(f, reply));
    }

    private Followed next(Followed f, ReplyEvent reply) {
        Instant at = reply.at() == null ? Instant.now() : reply.at();
        if (f.stage() != null) {
            timer(STAGE_DURATION, "stage", f.stage()).record(nonNegative(Duration.between(f.stageAt(), at)));
        }
        if (!reply.type().isTerminal()) {
            return new Followed(f.kind(), f.askedAt(), reply.stage(), at, reply.seq());
        }
        String outcome = reply.type() == ReplyType.ERROR ? "error"
                : reply.answer() != null && reply.answer().problem() == null ? "answered" : "no_rows";
        registry.counter(ANSWERED, "kind", f.kind(), "outcome", outcome).increment();
        timer(DURATION, "kind", f.kind()).record(nonNegative(Duration.between(f.askedAt(), at)));
        return null;
    }

    private Timer timer(String name, String tag, String value) {
        return Timer.builder(name).tag(tag, value).serviceLevelObjectives(BUCKETS).register(registry);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
