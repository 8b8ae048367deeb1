package io.dbchat.interpreter.stage;

import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.interpreter.narrate.AnswerWriter;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One answer being written by the LLM. The call's thread adds tokens to a concurrent queue; the stream thread
 * moves them into a {@link TokenBuffer} and numbers the TOKEN replies it publishes, from 1 for every call.
 */
final class LiveAnswer {

    final QueryAnswered result;
    private final Queue<String> arrived = new ConcurrentLinkedQueue<>();
    private final TokenBuffer buffer;
    private final CompletableFuture<String> done;
    private int published;
    /** Whether the call had finished when its tokens were last drained; only then is the buffer complete. */
    private boolean drainedFinished;

    LiveAnswer(QueryAnswered result, AnswerWriter writer, Duration timeout, TokenBuffer buffer, Runnable onDone) {
        this.result = result;
        this.buffer = buffer;
        CompletableFuture<String> call;
        try {
            call = writer.write(result, arrived::add);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        this.done = call.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((text, error) -> onDone.run());
    }

    /**
     * The token batches due at {@code now}. Completion is read before the queue is drained: every token of a
     * finished call was queued before it finished, so none is left behind.
     */
    List<String> due(long now) {
        drainedFinished = done.isDone();
        for (String token; (token = arrived.poll()) != null; ) {
            buffer.add(token, now);
        }
        return buffer.due(now, drainedFinished);
    }

    /** The sequence number (from 1) of the next TOKEN reply of this call. */
    int nextToken() {
        return ++published;
    }

    int published() {
        return published;
    }

    boolean finished() {
        return drainedFinished;
    }

    boolean failed() {
        return done.isCompletedExceptionally();
    }

    String text() {
        return done.join();
    }

    /** Gives up on the call; its slot is released at once, and whatever it still writes is ignored. */
    void abandon() {
        done.cancel(false);
    }

    Throwable error() {
        return done.exceptionNow();
    }
}
