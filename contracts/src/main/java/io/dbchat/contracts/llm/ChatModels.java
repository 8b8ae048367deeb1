package io.dbchat.contracts.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Builds LangChain4j chat models from {@link LlmProperties}, for every supported provider. Retries are
 * left to the caller (0 here), which retries with backoff and jitter behind a circuit breaker.
 */
public final class ChatModels {

    private ChatModels() {
    }

    public static ChatModel chat(LlmProperties p) {
        return switch (p.effectiveProvider()) {
            case "openai" -> OpenAiChatModel.builder().baseUrl(openAiBase(p)).apiKey(openAiKey(p))
                    .modelName(p.effectiveModel()).temperature(p.temperature()).timeout(p.timeout())
                    .maxTokens(p.maxTokens()).maxRetries(0).build();
            case "anthropic" -> AnthropicChatModel.builder().baseUrl(anthropicBase(p)).apiKey(require(p.anthropicApiKey(),
                            "ANTHROPIC_API_KEY")).modelName(p.effectiveModel()).temperature(p.temperature())
                    .timeout(p.timeout()).maxTokens(p.maxTokens()).maxRetries(0).build();
            case "ollama" -> OllamaChatModel.builder().baseUrl(ollamaBase(p)).modelName(p.effectiveModel())
                    .temperature(p.temperature()).timeout(p.timeout()).numPredict(p.maxTokens()).maxRetries(0).build();
            default -> throw unsupported(p);
        };
    }

    public static StreamingChatModel streaming(LlmProperties p) {
        return switch (p.effectiveProvider()) {
            case "openai" -> OpenAiStreamingChatModel.builder().baseUrl(openAiBase(p)).apiKey(openAiKey(p))
                    .modelName(p.effectiveModel()).temperature(p.temperature()).timeout(p.timeout())
                    .maxTokens(p.maxTokens()).build();
            case "anthropic" -> AnthropicStreamingChatModel.builder().baseUrl(anthropicBase(p))
                    .apiKey(require(p.anthropicApiKey(), "ANTHROPIC_API_KEY")).modelName(p.effectiveModel())
                    .temperature(p.temperature()).timeout(p.timeout()).maxTokens(p.maxTokens()).build();
            case "ollama" -> OllamaStreamingChatModel.builder().baseUrl(ollamaBase(p)).modelName(p.effectiveModel())
                    .temperature(p.temperature()).timeout(p.timeout()).numPredict(p.maxTokens()).build();
            default -> throw unsupported(p);
        };
    }

    private static String openAiBase(LlmProperties p) {
        return LlmProperties.present(p.openaiBaseUrl()) ? p.openaiBaseUrl() : "https://api.openai.com/v1";
    }

    /** A local OpenAI-compatible server (vLLM, llama.cpp, LM Studio) usually wants no key, but the client needs one. */
    private static String openAiKey(LlmProperties p) {
        if (LlmProperties.present(p.openaiApiKey())) {
            return p.openaiApiKey();
        }
        if (LlmProperties.present(p.openaiBaseUrl())) {
            return "not-needed";
        }
        throw new IllegalStateException("The openai provider needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local server.");
    }

    private static String anthropicBase(LlmProperties p) {
        return LlmProperties.present(p.anthropicBaseUrl()) ? p.anthropicBaseUrl() : "https://api.anthropic.com/v1/";
    }

    private static String ollamaBase(LlmProperties p) {
        return LlmProperties.present(p.ollamaBaseUrl()) ? p.ollamaBaseUrl() : "http://127.0.0.1:11434";
    }

    private static String require(String value, String name) {
        if (!LlmProperties.present(value)) {
            throw new IllegalStateException("The provider needs " + name + " in the environment.");
        }
        return value;
    }

    private static IllegalStateException unsupported(LlmProperties p) {
        return new IllegalStateException("Unknown LLM provider '" + p.effectiveProvider()
                + "': use offline, openai, anthropic or ollama.");
    }
}
