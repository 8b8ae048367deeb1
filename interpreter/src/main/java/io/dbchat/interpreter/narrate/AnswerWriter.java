package io.dbchat.interpreter.narrate;

import io.dbchat.contracts.events.QueryAnswered;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Writes an answer in words for a result, streamed: each piece of text is handed to {@code onToken} as it is
 * written (on any thread), and the returned future completes with the whole text. Never blocks the caller.
 */
@FunctionalInterface
public interface AnswerWriter {

    CompletableFuture<String> write(QueryAnswered result, Consumer<String> onToken);
}
