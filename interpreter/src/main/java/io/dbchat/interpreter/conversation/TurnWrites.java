package io.dbchat.interpreter.conversation;

import io.dbchat.conversations.ConversationRecorder;
import io.dbchat.conversations.TurnRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Writes turns to the conversation records for every task of the stage, and reports how it goes: the health is
 * DOWN, with the reason, from a failed write until a write succeeds again (the turns wait meanwhile, none lost).
 */
public final class TurnWrites implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(TurnWrites.class);

    private final ConversationRecorder recorder;
    private final MeterRegistry meters;
    private volatile String failing;
    private volatile Instant failingSince;

    public TurnWrites(ConversationRecorder recorder, MeterRegistry meters) {
        this.recorder = recorder;
        this.meters = meters;
    }

    /** Completes when the turn is written or refused (not the principal's live conversation); fails to be retried. */
    CompletionStage<Boolean> write(TurnRecord turn) {
        return recorder.record(turn).whenComplete((written, error) -> {
            if (error == null) {
                recovered();
            } else {
                failed(turn, error);
            }
        });
    }

    private void recovered() {
        if (failing != null) {
            LOG.info("Conversation turns are written to Redis again (failing since {})", failingSince);
            failing = null;
            failingSince = null;
        }
    }

    private void failed(TurnRecord turn, Throwable error) {
        meters.counter("dbchat.interpreter.conversations.failures").increment();
        if (failing == null) {
            failingSince = Instant.now();
            LOG.warn("Conversation turn {} cannot be written to Redis; turns wait in the stage's store until it is back: {}",
                    turn.turn().queryId(), error.toString());
        }
        failing = error.toString();
    }

    @Override
    public Health health() {
        String reason = failing;
        Health.Builder health = reason == null ? Health.up()
                : Health.down().withDetail("reason", "conversation turns cannot be written to Redis since "
                        + failingSince + ": " + reason);
        return health.build();
    }
}
