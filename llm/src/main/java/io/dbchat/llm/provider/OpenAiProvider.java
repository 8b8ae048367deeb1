package io.dbchat.llm.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmProvider;

/**
 * OpenAI ({@code OPENAI_API_KEY}; {@code OPENAI_BASE_URL} for a proxy or, keyless, a local OpenAI-compatible
 * server, as before the {@code openai-compatible} provider existed). Chosen first when a key or URL is set.
 */
public final class OpenAiProvider implements LlmProvider {

    static final String ENDPOINT = "openai";
    private static final String API = "https://api.openai.com/v1";

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String defaultModel() {
        return "gpt-4o-mini";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public boolean isConfigured(LlmProperties settings) {
        var e = settings.endpoint(ENDPOINT);
        return e.hasKey() || e.hasBaseUrl();
    }

    @Override
    public ChatModel chat(LlmProperties settings, String model) {
        var e = settings.endpoint(ENDPOINT);
        return chat(settings, Settings.orDefault(e.baseUrl(), API), key(e), model);
    }

    @Override
    public StreamingChatModel streaming(LlmProperties settings, String model) {
        var e = settings.endpoint(ENDPOINT);
        return streaming(settings, Settings.orDefault(e.baseUrl(), API), key(e), model);
    }

    /** A local server (vLLM, llama.cpp, LM Studio) usually wants no key, but the client needs one. */
    private static String key(LlmProperties.Endpoint e) {
        if (e.hasKey()) {
            return e.apiKey();
        }
        if (e.hasBaseUrl()) {
            return OpenAiCompatibleProvider.NO_KEY;
        }
        throw new IllegalStateException("The openai provider needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local server.");
    }

    static ChatModel chat(LlmProperties s, String baseUrl, String key, String model) {
        return OpenAiChatModel.builder().baseUrl(baseUrl).httpClientBuilder(Http.client(baseUrl)).apiKey(key).modelName(model).temperature(s.temperature())
                .timeout(s.timeout()).maxTokens(s.maxTokens()).maxRetries(0).build();
    }

    static StreamingChatModel streaming(LlmProperties s, String baseUrl, String key, String model) {
        return OpenAiStreamingChatModel.builder().baseUrl(baseUrl).httpClientBuilder(Http.client(baseUrl)).apiKey(key).modelName(model)
                .temperature(s.temperature()).timeout(s.timeout()).maxTokens(s.maxTokens()).build();
    }
}
