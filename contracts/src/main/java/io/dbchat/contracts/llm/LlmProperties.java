package io.dbchat.contracts.llm;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which language model a stage uses ({@code dbchat.llm.*}; {@code DBCHAT_LLM_PROVIDER}, {@code DBCHAT_LLM_MODEL}).
 * Keys and endpoints come only from the environment ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL},
 * {@code ANTHROPIC_API_KEY}, {@code OLLAMA_BASE_URL}), bound in each stage's configuration file. With no
 * provider named, one is chosen from what is configured; with nothing configured, "offline".
 */
@Validated
@ConfigurationProperties("dbchat.llm")
public record LlmProperties(
        String provider,
        String model,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("2") double temperature,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("1024") @Min(1) int maxTokens,
        @DefaultValue("2") @Min(0) int maxRetries,
        String openaiApiKey,
        String openaiBaseUrl,
        String anthropicApiKey,
        String anthropicBaseUrl,
        String ollamaBaseUrl) {

    public static final String OFFLINE = "offline";

    /** The provider in force: the named one, else the first with a key or endpoint, else offline. */
    public String effectiveProvider() {
        if (present(provider)) {
            return provider.strip().toLowerCase(Locale.ROOT);
        }
        if (present(openaiApiKey) || present(openaiBaseUrl)) {
            return "openai";
        }
        if (present(anthropicApiKey)) {
            return "anthropic";
        }
        return present(ollamaBaseUrl) ? "ollama" : OFFLINE;
    }

    public boolean isOffline() {
        return OFFLINE.equals(effectiveProvider());
    }

    /** The model in force: the named one, else a sensible default of the provider. */
    public String effectiveModel() {
        if (present(model)) {
            return model.strip();
        }
        return switch (effectiveProvider()) {
            case "openai" -> "gpt-4o-mini";
            case "anthropic" -> "claude-3-5-haiku-latest";
            case "ollama" -> "llama3.1";
            default -> "rules";
        };
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
