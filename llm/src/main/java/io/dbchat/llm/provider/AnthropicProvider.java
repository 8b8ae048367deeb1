package io.dbchat.llm.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmProvider;

/** Anthropic's messages API ({@code ANTHROPIC_API_KEY}, {@code ANTHROPIC_BASE_URL} optional). */
public final class AnthropicProvider implements LlmProvider {

    private static final String ENDPOINT = "anthropic";
    private static final String API = "https://api.anthropic.com/v1/";

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String defaultModel() {
        return "claude-3-5-haiku-latest";
    }

    @Override
    public int rank() {
        return 20;
    }

    @Override
    public boolean isConfigured(LlmProperties settings) {
        return settings.endpoint(ENDPOINT).hasKey();
    }

    @Override
    public ChatModel chat(LlmProperties s, String model) {
        var e = s.endpoint(ENDPOINT);
        String url = Settings.orDefault(e.baseUrl(), API);
        return AnthropicChatModel.builder().baseUrl(url).httpClientBuilder(Http.client(url)).apiKey(key(e))
                .modelName(model).temperature(s.temperature()).timeout(s.timeout()).maxTokens(s.maxTokens())
                .maxRetries(0).build();
    }

    @Override
    public StreamingChatModel streaming(LlmProperties s, String model) {
        var e = s.endpoint(ENDPOINT);
        String url = Settings.orDefault(e.baseUrl(), API);
        return AnthropicStreamingChatModel.builder().baseUrl(url).httpClientBuilder(Http.client(url)).apiKey(key(e))
                .modelName(model).temperature(s.temperature()).timeout(s.timeout()).maxTokens(s.maxTokens()).build();
    }

    private String key(LlmProperties.Endpoint e) {
        return Settings.require(e.apiKey(), name(), "ANTHROPIC_API_KEY");
    }
}
