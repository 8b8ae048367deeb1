package io.dbchat.translator.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingTurnsTest {

    private static PendingTurns.Pending turn(String conversation, String queryId) {
        return new PendingTurns.Pending(conversation, new Turn(queryId, "q", "SELECT 1", "a"), Instant.EPOCH);
    }

    @Test
    void pastTheBoundTheOldestTurnIsDroppedAndCounted() {
        var pending = new PendingTurns(2);

        assertThat(pending.add(turn("c1", "q1"))).isTrue();
        assertThat(pending.add(turn("c1", "q2"))).isFalse();
        pending.add(turn("c2", "q3"));

        assertThat(pending.size()).isEqualTo(2);
        assertThat(pending.lost()).isEqualTo(1);
        assertThat(pending.of("c1")).extracting(Turn::queryId).containsExactly("q2");
        assertThat(pending.of("c2")).extracting(Turn::queryId).containsExactly("q3");
    }

    @Test
    void drainingWritesOldestFirstAndStopsAtTheFirstFailure() {
        var pending = new PendingTurns(10);
        pending.add(turn("c1", "q1"));
        pending.add(turn("c1", "q2"));
        pending.add(turn("c1", "q3"));
        List<String> written = new ArrayList<>();

        int first = pending.drain(p -> {
            if (p.turn().queryId().equals("q2")) {
                return CompletableFuture.failedFuture(new IllegalStateException("Redis went away again"));
            }
            written.add(p.turn().queryId());
            return CompletableFuture.completedFuture(null);
        }).toCompletableFuture().join();

        assertThat(first).isEqualTo(1);
        assertThat(pending.caughtUp()).isNotDone();
        assertThat(pending.of("c1")).extracting(Turn::queryId).containsExactly("q2", "q3");

        int rest = pending.drain(p -> {
            written.add(p.turn().queryId());
            return CompletableFuture.completedFuture(null);
        }).toCompletableFuture().join();

        assertThat(rest).isEqualTo(2);
        assertThat(written).containsExactly("q1", "q2", "q3");
        assertThat(pending.size()).isZero();
        assertThat(pending.caughtUp()).isDone();
        assertThat(pending.lost()).isZero();
    }
}
