package io.dbchat.contracts.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** A slow call (an LLM, a database) that a stream task starts and does not wait for. */
@FunctionalInterface
public interface AsyncCall<I, O> {

    CompletionStage<O> start(I input);

    /**
     * Runs a blocking function on a virtual thread of its own, so the stream thread never waits for it. Cancelling
     * the returned future interrupts that thread: a blocking HTTP call (the JDK client's {@code send}) then aborts
     * its exchange.
     */
    static <I, O> AsyncCall<I, O> blocking(Function<I, O> function) {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        return input -> {
            var result = new CompletableFuture<O>();
            Future<?> running = threads.submit(() -> {
                try {
                    result.complete(function.apply(input));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            result.whenComplete((done, error) -> {
                if (result.isCancelled()) {
                    running.cancel(true);
                }
            });
            return result;
        };
    }
}
