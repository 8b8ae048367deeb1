package io.dbchat.llm.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmProvider;

/**
 * Any server that speaks OpenAI's chat-completions API (vLLM, llama.cpp, LM Studio, a gateway): its URL is
 * {@code OPENAI_BASE_URL}, a key ({@code OPENAI_API_KEY}) only if it asks for one, and the model it serves must
 * be named ({@code DBCHAT_LLM_MODEL}), since no default fits every server. Chosen only by name.
 */
public final class OpenAiCompatibleProvider implements LlmProvider {

    static final String NO_KEY = "not-needed";

    @Override
    public String name() {
        return "openai-compatible";
    }

    @Override
    public String defaultModel() {
        return null;
    }

    @Override
    public int rank() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean isConfigured(LlmProperties settings) {
        return settings.endpoint(OpenAiProvider.ENDPOINT).hasBaseUrl();
    }

    @Override
    public ChatModel chat(LlmProperties settings, String model) {
        var e = settings.endpoint(OpenAiProvider.ENDPOINT);
        return OpenAiProvider.chat(settings, baseUrl(e), Settings.orDefault(e.apiKey(), NO_KEY), model);
    }

    @Override
    public StreamingChatModel streaming(LlmProperties settings, String model) {
        var e = settings.endpoint(OpenAiProvider.ENDPOINT);
        return OpenAiProvider.streaming(settings, baseUrl(e), Settings.orDefault(e.apiKey(), NO_KEY), model);
    }

    private String baseUrl(LlmProperties.Endpoint e) {
        return Settings.require(e.baseUrl(), name(), "OPENAI_BASE_URL");
    }
}
