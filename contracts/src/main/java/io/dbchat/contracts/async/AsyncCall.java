package io.dbchat.contracts.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A slow call (an LLM, a database) that a stream task starts and does not wait for. */
@FunctionalInterface
public interface AsyncCall<I, O> {

    CompletionStage<O> start(I input);

    /** Runs a blocking function on a virtual thread of its own, so the stream thread never waits for it. */
    static <I, O> AsyncCall<I, O> blocking(Function<I, O> function) {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        return input -> CompletableFuture.supplyAsync(() -> function.apply(input), threads);
    }
}
