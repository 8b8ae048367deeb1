package io.dbchat.contracts.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatModelsTest {

    final LlmStub stub = new LlmStub();

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void choosesOfflineWhenNothingIsConfiguredAndAProviderFromWhatIs() {
        assertThat(props(null, null, null).effectiveProvider()).isEqualTo("offline");
        assertThat(props(null, "sk-x", null).effectiveProvider()).isEqualTo("openai");
        assertThat(props(null, null, "http://127.0.0.1:1/v1").effectiveProvider()).isEqualTo("openai");
        assertThat(props("Anthropic", null, null).effectiveProvider()).isEqualTo("anthropic");
    }

    @Test
    void anOpenAiCompatibleServerGetsTemperatureZeroAndTheModel() {
        stub.enqueue(LlmStub.Reply.text("SELECT count(*) FROM users"));
        var model = ChatModels.chat(props("openai", null, stub.openAiBaseUrl()));

        String answer = model.chat("How many users?");

        assertThat(answer).isEqualTo("SELECT count(*) FROM users");
        var sent = stub.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.body().path("temperature").asDouble()).isZero();
        assertThat(sent.body().path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(sent.prompt()).contains("How many users?");
    }

    @Test
    void aStubForLoadAnswersWithoutKeepingTheRequests() {
        stub.withoutRecording().answerWith(r -> LlmStub.Reply.text("SELECT 2"));
        var model = ChatModels.chat(props("openai", null, stub.openAiBaseUrl()));

        assertThat(model.chat("One?")).isEqualTo("SELECT 2");
        assertThat(model.chat("Two?")).isEqualTo("SELECT 2");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void streamsTokensInOrder() throws Exception {
        stub.enqueue(LlmStub.Reply.text("There are 600 users."));
        var model = ChatModels.streaming(props("openai", null, stub.openAiBaseUrl()));
        List<String> tokens = new CopyOnWriteArrayList<>();
        var done = new CompletableFuture<ChatResponse>();

        model.chat("Say it", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                tokens.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("There are 600 users.");
        assertThat(String.join("", tokens)).isEqualTo("There are 600 users.");
        assertThat(tokens).hasSizeGreaterThan(1);
    }

    @Test
    void anthropicIsSpokenToInItsOwnFormat() {
        stub.enqueue(LlmStub.Reply.text("SELECT 1"));
        var p = new LlmProperties("anthropic", null, 0, Duration.ofSeconds(10), 256, 0, null, null, "key",
                stub.anthropicBaseUrl(), null);

        assertThat(ChatModels.chat(p).chat("hi")).isEqualTo("SELECT 1");
        assertThat(stub.requests().getFirst().path()).isEqualTo("/v1/messages");
    }

    @Test
    void saysWhatIsMissingForAProviderWithoutItsKey() {
        assertThatThrownBy(() -> ChatModels.chat(props("openai", null, null))).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> ChatModels.chat(props("gemini", null, null))).hasMessageContaining("Unknown LLM provider");
    }

    private static LlmProperties props(String provider, String key, String baseUrl) {
        return new LlmProperties(provider, null, 0, Duration.ofSeconds(10), 256, 0, key, baseUrl, null, null, null);
    }
}
