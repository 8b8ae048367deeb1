package io.dbchat.llm.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmProvider;

/**
 * Google's Gemini API ({@code GEMINI_API_KEY}; {@code GEMINI_BASE_URL} for a proxy, else the client's own
 * {@code https://generativelanguage.googleapis.com/v1beta}).
 */
public final class GeminiProvider implements LlmProvider {

    private static final String ENDPOINT = "gemini";

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public String defaultModel() {
        return "gemini-2.5-flash";
    }

    @Override
    public int rank() {
        return 30;
    }

    @Override
    public boolean isConfigured(LlmProperties settings) {
        return settings.endpoint(ENDPOINT).hasKey();
    }

    @Override
    public ChatModel chat(LlmProperties s, String model) {
        var e = s.endpoint(ENDPOINT);
        var builder = GoogleAiGeminiChatModel.builder().httpClientBuilder(Http.client(e.baseUrl())).apiKey(key(e)).modelName(model).temperature(s.temperature())
                .timeout(s.timeout()).maxOutputTokens(s.maxTokens()).maxRetries(0);
        return (e.hasBaseUrl() ? builder.baseUrl(e.baseUrl()) : builder).build();
    }

    @Override
    public StreamingChatModel streaming(LlmProperties s, String model) {
        var e = s.endpoint(ENDPOINT);
        var builder = GoogleAiGeminiStreamingChatModel.builder().httpClientBuilder(Http.client(e.baseUrl()))
                .apiKey(key(e)).modelName(model)
                .temperature(s.temperature()).timeout(s.timeout()).maxOutputTokens(s.maxTokens());
        return (e.hasBaseUrl() ? builder.baseUrl(e.baseUrl()) : builder).build();
    }

    private String key(LlmProperties.Endpoint e) {
        return Settings.require(e.apiKey(), name(), "GEMINI_API_KEY");
    }
}
