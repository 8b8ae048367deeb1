package io.dbchat.contracts.async;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A slow call that reports its output piece by piece while it runs (an LLM writing tokens): each part is handed
 * to {@code onPart} on any thread, every one of them before the returned stage completes.
 */
@FunctionalInterface
public interface StreamingCall<I, P, R> {

    CompletionStage<R> start(I input, Consumer<P> onPart);

    /** A call that reports no parts. */
    static <I, P, R> StreamingCall<I, P, R> of(AsyncCall<I, R> call) {
        return (input, onPart) -> call.start(input);
    }
}
