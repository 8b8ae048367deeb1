package io.dbchat.translator.context;

import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.StoredTurn;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The translator's read-only view of conversation records (the interpreter writes them): the newest turns of a
 * conversation, none for a deleted one. Redis being down costs the history, never the translation: a read waits
 * at most {@link #READ_TIMEOUT}, and after a failure reads are skipped for {@link #READ_PAUSE}, so an unreachable
 * Redis holds up no question; the health reports it meanwhile.
 */
public final class ConversationHistory implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationHistory.class);
    static final Duration READ_PAUSE = Duration.ofSeconds(30);
    /** A local Redis answers in well under a millisecond; waiting longer than this only delays the question. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    private final ConversationRecords records;
    private final int maxTurns;
    private final MeterRegistry meters;
    /** After a failed read, reads are skipped for a while: the offline translator reads on the stream thread. */
    private volatile long skipReadsUntil;
    private volatile String lastFailure;

    public ConversationHistory(ConversationRecords records, int maxTurns, MeterRegistry meters) {
        this.records = records;
        this.maxTurns = maxTurns;
        this.meters = meters;
    }

    /** The newest turns, oldest first; none (and a warning) when Redis cannot be read. */
    public List<Turn> turns(String conversationId) {
        if (maxTurns == 0 || System.currentTimeMillis() < skipReadsUntil) {
            return List.of();
        }
        try {
            List<StoredTurn> stored = records.history(conversationId, maxTurns).toCompletableFuture()
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            lastFailure = null;
            return stored.stream().map(t -> new Turn(t.queryId(), t.question(), t.sql(), t.answer())).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            skipReadsUntil = System.currentTimeMillis() + READ_PAUSE.toMillis();
            lastFailure = e.toString();
            meters.counter("dbchat.translator.context.failures", "operation", "read").increment();
            LOG.warn("Conversation history could not be read for {}; translating without it for {}: {}",
                    conversationId, READ_PAUSE, e.toString());
            return List.of();
        }
    }

    @Override
    public Health health() {
        String failure = lastFailure;
        return failure == null ? Health.up().build()
                : Health.down().withDetail("reason", "conversation history cannot be read: " + failure).build();
    }
}
