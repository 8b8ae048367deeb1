package io.dbchat.translator.context;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Turns whose write to Redis failed, kept in order until it works again: at most {@code capacity} (the oldest
 * are dropped past that, and counted as lost), written again by the store's retry loop. Follow-ups read them
 * meanwhile, so a conversation keeps its context through a Redis outage.
 */
final class PendingTurns {

    /** A turn that could not be written yet. */
    record Pending(String conversationId, Turn turn, Instant askedAt) {
    }

    private final int capacity;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final AtomicLong lost = new AtomicLong();
    private CompletableFuture<Void> caughtUp = CompletableFuture.completedFuture(null);
    private Instant since;

    PendingTurns(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps a turn for later; returns true when it is the first of an outage. */
    synchronized boolean add(Pending pending) {
        boolean first = queue.isEmpty();
        if (first) {
            caughtUp = new CompletableFuture<>();
            since = Instant.now();
        }
        if (queue.size() >= capacity) {
            queue.removeFirst();
            lost.incrementAndGet();
        }
        queue.addLast(pending);
        return first;
    }

    synchronized List<Turn> of(String conversationId) {
        return queue.stream().filter(p -> p.conversationId().equals(conversationId)).map(Pending::turn).toList();
    }

    synchronized int size() {
        return queue.size();
    }

    synchronized Instant since() {
        return since;
    }

    long lost() {
        return lost.get();
    }

    /** Completes when no turn is waiting any more. */
    synchronized CompletionStage<Void> caughtUp() {
        return caughtUp;
    }

    /**
     * Writes the waiting turns oldest first with {@code write}, stopping at the first that fails; completes with
     * how many were written.
     */
    CompletionStage<Integer> drain(Function<Pending, CompletionStage<Void>> write) {
        return drainFrom(write, 0);
    }

    private CompletionStage<Integer> drainFrom(Function<Pending, CompletionStage<Void>> write, int written) {
        Pending head;
        synchronized (this) {
            head = queue.peekFirst();
        }
        if (head == null) {
            return CompletableFuture.completedFuture(written);
        }
        return write.apply(head).handle((ok, error) -> error == null).thenCompose(ok -> {
            if (!ok) {
                return CompletableFuture.completedFuture(written);
            }
            synchronized (this) {
                // removed only now, so a read in between still sees it; a drop for capacity may have taken it already
                queue.remove(head);
                if (queue.isEmpty()) {
                    since = null;
                    caughtUp.complete(null);
                }
            }
            return drainFrom(write, written + 1);
        });
    }
}
