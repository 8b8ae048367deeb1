package io.dbchat.standalone.bench.pipeline;

import java.util.concurrent.CompletableFuture;

/** What the load drives: one question in, a future completed when its answer is out; {@code n} picks the question. */
interface Target {

    /** Completes with the query id once the answer has arrived; fails when it does not. */
    CompletableFuture<String> ask(int n);
}
