package io.dbchat.llm.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmProvider;

/** A local Ollama ({@code OLLAMA_BASE_URL}, by default on this machine's port 11434). */
public final class OllamaProvider implements LlmProvider {

    private static final String ENDPOINT = "ollama";
    private static final String LOCAL = "http://127.0.0.1:11434";

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public String defaultModel() {
        return "llama3.1";
    }

    @Override
    public int rank() {
        return 50;
    }

    @Override
    public boolean isConfigured(LlmProperties settings) {
        return settings.endpoint(ENDPOINT).hasBaseUrl();
    }

    @Override
    public ChatModel chat(LlmProperties s, String model) {
        return OllamaChatModel.builder().baseUrl(baseUrl(s)).httpClientBuilder(Http.client(baseUrl(s))).modelName(model).temperature(s.temperature())
                .timeout(s.timeout()).numPredict(s.maxTokens()).maxRetries(0).build();
    }

    @Override
    public StreamingChatModel streaming(LlmProperties s, String model) {
        return OllamaStreamingChatModel.builder().baseUrl(baseUrl(s)).httpClientBuilder(Http.client(baseUrl(s))).modelName(model).temperature(s.temperature())
                .timeout(s.timeout()).numPredict(s.maxTokens()).build();
    }

    private static String baseUrl(LlmProperties s) {
        return Settings.orDefault(s.endpoint(ENDPOINT).baseUrl(), LOCAL);
    }
}
