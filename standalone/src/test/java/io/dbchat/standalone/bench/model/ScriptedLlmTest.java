package io.dbchat.standalone.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scripted model as LangChain4j's OpenAI clients (the translator's and the interpreter's) see it. */
class ScriptedLlmTest {

    /** Above the interpreter's old bound of 256 calls in flight, and what 250 questions/s with 2-s calls need. */
    static final int CALLS = 600;

    /**
     * The stages' model clients, built as the stages build them, cap neither connections nor requests per host: a
     * pool that did (OkHttp's default allows 5 requests per host) would hold the model-bound path below its
     * in-flight bounds whatever they are set to.
     */
    @Test
    void theStagesClientsKeepHundredsOfCallsOpenAtOnce() {
        var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        try (var model = new ScriptedLlm(Duration.ofMinutes(5))) {
            var llm = new LlmProperties("openai", "scripted", 0, Duration.ofMinutes(5), 256, 0,
                    Map.of("openai", new LlmProperties.Endpoint("k", model.openAiBaseUrl(), null)));
            var chat = ChatModels.chat(llm);
            var streaming = ChatModels.streaming(llm);

            for (int i = 0; i < CALLS / 2; i++) {
                threads.execute(() -> chat.chat("Question: How many users are there?"));
                threads.execute(() -> streaming.chat("Write the answer.", new StreamingChatResponseHandler() {
                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                    }

                    @Override
                    public void onError(Throwable error) {
                    }
                }));
            }

            await().atMost(Duration.ofMinutes(2)).until(() -> model.openCalls() >= CALLS);
            assertThat(model.mostAtOnce()).isGreaterThanOrEqualTo(CALLS);
        } finally {
            // the calls still waiting are interrupted; their errors are of no interest here
            threads.shutdownNow();
        }
    }

    @Test
    void answersATranslationWithTheQuestionsSql() {
        try (var model = new ScriptedLlm(Duration.ofMillis(10))) {
            var client = OpenAiChatModel.builder().baseUrl(model.openAiBaseUrl()).apiKey("k").modelName("scripted").build();

            String reply = client.chat("Schema: users(id)\nQuestion: How many users are there?");

            assertThat(reply).isEqualTo("SELECT count(*) AS count FROM users");
            assertThat(model.translations()).isEqualTo(1);
        }
    }

    @Test
    void streamsAnInterpretationInChunks() throws Exception {
        try (var model = new ScriptedLlm(Duration.ofMillis(10))) {
            var client = OpenAiStreamingChatModel.builder().baseUrl(model.openAiBaseUrl()).apiKey("k").modelName("scripted").build();
            List<String> parts = new CopyOnWriteArrayList<>();
            var done = new CompletableFuture<String>();

            client.chat("Rows: 3. Write the answer.", new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    parts.add(partial);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response.aiMessage().text());
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });

            assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo("Here is the answer, in the table.");
            assertThat(parts).hasSizeGreaterThan(1);
            assertThat(model.interpretations()).isEqualTo(1);
        }
    }
}
