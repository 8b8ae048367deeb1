package io.dbchat.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ChatModelsTest {

    final LlmStub stub = new LlmStub();

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void choosesOfflineWhenNothingIsConfiguredAndAProviderFromWhatIs() {
        assertThat(bind(Map.of()).effectiveProvider()).isEqualTo("offline");
        assertThat(bind(Map.of()).effectiveModel()).isEqualTo("rules");
        assertThat(bind(Map.of("endpoints.openai.api-key", "sk-x")).effectiveProvider()).isEqualTo("openai");
        assertThat(bind(Map.of("endpoints.openai.base-url", "http://127.0.0.1:1/v1")).effectiveProvider()).isEqualTo("openai");
        assertThat(bind(Map.of("endpoints.anthropic.api-key", "k")).effectiveProvider()).isEqualTo("anthropic");
        assertThat(bind(Map.of("endpoints.gemini.api-key", "k")).effectiveProvider()).isEqualTo("gemini");
        assertThat(bind(Map.of("endpoints.azure-openai.api-key", "k", "endpoints.azure-openai.base-url", "https://x"))
                .effectiveProvider()).isEqualTo("azure-openai");
        assertThat(bind(Map.of("endpoints.azure-openai.api-key", "k")).effectiveProvider()).isEqualTo("offline");
        assertThat(bind(Map.of("endpoints.ollama.base-url", "http://127.0.0.1:1")).effectiveProvider()).isEqualTo("ollama");
        assertThat(bind(Map.of("endpoints.ollama.base-url", "http://o", "endpoints.gemini.api-key", "k"))
                .effectiveProvider()).as("the lower rank wins").isEqualTo("gemini");
        assertThat(bind(Map.of("provider", "Anthropic")).effectiveProvider()).isEqualTo("anthropic");
        assertThat(bind(Map.of("provider", "gemini")).effectiveModel()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void anOpenAiCompatibleServerGetsTemperatureZeroAndTheModel() {
        stub.enqueue(LlmStub.Reply.text("SELECT count(*) FROM users"));
        var model = ChatModels.chat(openAi("openai", null));

        String answer = model.chat("How many users?");

        assertThat(answer).isEqualTo("SELECT count(*) FROM users");
        var sent = stub.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.body().path("temperature").asDouble()).isZero();
        assertThat(sent.body().path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(sent.prompt()).contains("How many users?");
    }

    @Test
    void theOpenAiCompatibleProviderSendsTheModelItIsToldAndNeedsOne() {
        stub.enqueue(LlmStub.Reply.text("SELECT 1"));

        assertThat(ChatModels.chat(openAi("openai-compatible", "qwen2.5-coder")).chat("hi")).isEqualTo("SELECT 1");
        assertThat(stub.requests().getFirst().body().path("model").asString()).isEqualTo("qwen2.5-coder");
        assertThatThrownBy(() -> ChatModels.chat(openAi("openai-compatible", null)))
                .hasMessageContaining("DBCHAT_LLM_MODEL");
        assertThatThrownBy(() -> ChatModels.chat(bind(Map.of("provider", "openai-compatible", "model", "m"))))
                .hasMessageContaining("OPENAI_BASE_URL");
    }

    @Test
    void aStubForLoadAnswersWithoutKeepingTheRequests() {
        stub.withoutRecording().answerWith(r -> LlmStub.Reply.text("SELECT 2"));
        var model = ChatModels.chat(openAi("openai", null));

        assertThat(model.chat("One?")).isEqualTo("SELECT 2");
        assertThat(model.chat("Two?")).isEqualTo("SELECT 2");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void streamsTokensInOrder() throws Exception {
        stub.enqueue(LlmStub.Reply.text("There are 600 users."));

        List<String> tokens = stream(ChatModels.streaming(openAi("openai", null)), "There are 600 users.");

        assertThat(tokens).hasSizeGreaterThan(1);
    }

    @Test
    void aStreamedAnswerIsReadOnAVirtualThreadOverHttp11WithoutAnUpgrade() throws Exception {
        stub.enqueue(LlmStub.Reply.text("There are 600 users."));
        List<Boolean> virtual = new CopyOnWriteArrayList<>();

        stream(ChatModels.streaming(openAi("openai", null)), "There are 600 users.", virtual);

        assertThat(virtual).isNotEmpty().containsOnly(true);
        var headers = stub.requests().getFirst().headers().keySet().stream().map(String::toLowerCase).toList();
        assertThat(headers).doesNotContain("upgrade", "http2-settings");
    }

    @Test
    void anthropicIsSpokenToInItsOwnFormat() {
        stub.enqueue(LlmStub.Reply.text("SELECT 1"));
        var p = bind(Map.of("provider", "anthropic", "endpoints.anthropic.api-key", "key",
                "endpoints.anthropic.base-url", stub.anthropicBaseUrl()));

        assertThat(ChatModels.chat(p).chat("hi")).isEqualTo("SELECT 1");
        assertThat(stub.requests().getFirst().path()).isEqualTo("/v1/messages");
    }

    @Test
    void geminiIsSpokenToInItsOwnFormatWithTheKeyTheModelAndTemperatureZero() throws Exception {
        stub.enqueue(LlmStub.Reply.text("SELECT count(*) FROM users"), LlmStub.Reply.text("There are 600 users."));
        var p = bind(Map.of("provider", "gemini", "endpoints.gemini.api-key", "g-key",
                "endpoints.gemini.base-url", stub.geminiBaseUrl()));

        assertThat(ChatModels.chat(p).chat("How many users?")).isEqualTo("SELECT count(*) FROM users");
        var sent = stub.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(sent.headers().get("X-goog-api-key")).containsExactly("g-key");
        assertThat(sent.body().path("generationConfig").path("temperature").asDouble()).isZero();
        assertThat(sent.body().path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(256);
        assertThat(sent.prompt()).contains("How many users?");

        assertThat(stream(ChatModels.streaming(p), "There are 600 users.")).hasSizeGreaterThan(1);
        assertThat(stub.requests().get(1).path()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    }

    @Test
    void everyProviderIsBuiltFromItsSettingsAsTheStagesBindThem() {
        Map<String, Map<String, String>> settings = Map.of(
                "openai", Map.of("endpoints.openai.api-key", "sk"),
                "openai-compatible", Map.of("endpoints.openai.base-url", "http://127.0.0.1:1/v1", "model", "m"),
                "anthropic", Map.of("endpoints.anthropic.api-key", "k"),
                "gemini", Map.of("endpoints.gemini.api-key", "k"),
                "azure-openai", Map.of("endpoints.azure-openai.api-key", "k", "endpoints.azure-openai.base-url",
                        "https://example.openai.azure.com", "model", "d"),
                "ollama", Map.of());
        assertThat(LlmProviders.installed().names())
                .containsExactly("offline", "anthropic", "azure-openai", "gemini", "ollama", "openai", "openai-compatible");
        settings.forEach((provider, values) -> {
            var all = new HashMap<>(values);
            all.put("provider", provider);
            var p = bind(all);
            String family = provider.replace("-compatible", "").replace("-", "");
            assertThat(ChatModels.chat(p).getClass().getSimpleName().toLowerCase()).as(provider).contains(family);
            assertThat(ChatModels.streaming(p).getClass().getSimpleName().toLowerCase()).as(provider).contains(family);
        });
    }

    @Test
    void saysWhatIsMissingForAProviderWithoutItsSettings() {
        assertThatThrownBy(() -> ChatModels.chat(bind(Map.of("provider", "openai")))).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> ChatModels.chat(bind(Map.of("provider", "anthropic"))))
                .hasMessageContaining("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> ChatModels.chat(bind(Map.of("provider", "gemini")))).hasMessageContaining("GEMINI_API_KEY");
        assertThatThrownBy(() -> ChatModels.chat(bind(Map.of("provider", "azure-openai", "model", "d",
                "endpoints.azure-openai.api-key", "k")))).hasMessageContaining("AZURE_OPENAI_ENDPOINT");
        assertThatThrownBy(() -> ChatModels.chat(bind(Map.of("provider", "azure-openai",
                "endpoints.azure-openai.api-key", "k", "endpoints.azure-openai.base-url", "https://x"))))
                .hasMessageContaining("DBCHAT_LLM_MODEL");
        assertThatThrownBy(() -> ChatModels.chat(bind(Map.of("provider", "mistral"))))
                .hasMessageContaining("Unknown LLM provider 'mistral'").hasMessageContaining("gemini, ollama");
    }

    private LlmProperties openAi(String provider, String model) {
        var values = new HashMap<>(Map.of("provider", provider, "endpoints.openai.base-url", stub.openAiBaseUrl(),
                "max-tokens", "256"));
        if (model != null) {
            values.put("model", model);
        }
        return bind(values);
    }

    /** Binds {@code dbchat.llm.*} as a stage does from its configuration file. */
    static LlmProperties bind(Map<String, String> values) {
        Map<String, String> prefixed = new HashMap<>(Map.of("dbchat.llm.timeout", "10s", "dbchat.llm.max-tokens", "256"));
        values.forEach((k, v) -> prefixed.put("dbchat.llm." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("dbchat.llm", LlmProperties.class);
    }

    /** Streams a reply; checks the tokens add up to {@code expected}, and returns them. */
    static List<String> stream(StreamingChatModel model, String expected) throws Exception {
        return stream(model, expected, new CopyOnWriteArrayList<>());
    }

    /** As above, noting for each token whether it came on a virtual thread. */
    static List<String> stream(StreamingChatModel model, String expected, List<Boolean> onVirtual) throws Exception {
        List<String> tokens = new CopyOnWriteArrayList<>();
        var done = new CompletableFuture<ChatResponse>();
        model.chat("Say it", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                tokens.add(partial);
                onVirtual.add(Thread.currentThread().isVirtual());
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
        assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo(expected);
        assertThat(String.join("", tokens)).isEqualTo(expected);
        return tokens;
    }
}
