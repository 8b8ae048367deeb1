package io.dbchat.interpreter.narrate;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.dbchat.contracts.events.QueryAnswered;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Streams an answer from a LangChain4j streaming chat model. The request is started on a virtual thread of its
 * own, so that even a client that connects synchronously never holds up the caller (a stream thread). Cancelling the
 * returned future (the query was cancelled) cancels the model's stream through LangChain4j's streaming handle
 * (known from the stream's first part on), which closes the connection.
 */
public final class LlmAnswerWriter implements AnswerWriter {

    private final StreamingChatModel model;
    private final InterpretPrompt prompt;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public LlmAnswerWriter(StreamingChatModel model, InterpretPrompt prompt) {
        this.model = model;
        this.prompt = prompt;
    }

    @Override
    public CompletableFuture<String> write(QueryAnswered result, Consumer<String> onToken) {
        var done = new CompletableFuture<String>();
        threads.execute(() -> {
            try {
                model.chat(prompt.messages(result), handler(onToken, done));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private static StreamingChatResponseHandler handler(Consumer<String> onToken, CompletableFuture<String> done) {
        AtomicReference<StreamingHandle> stream = new AtomicReference<>();
        done.whenComplete((text, error) -> {
            StreamingHandle running = stream.get();
            if (done.isCancelled() && running != null) {
                running.cancel();
            }
        });
        return new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                stream.set(context.streamingHandle());
                if (done.isCancelled()) {
                    context.streamingHandle().cancel(); // cancelled before the stream's first part
                    return;
                }
                onToken.accept(partial.text());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                if (text == null || text.isBlank()) {
                    done.completeExceptionally(new IllegalStateException("The model returned an empty answer."));
                } else {
                    done.complete(text);
                }
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        };
    }
}
