package io.dbchat.llm;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which language model a stage uses ({@code dbchat.llm.*}; {@code DBCHAT_LLM_PROVIDER}, {@code DBCHAT_LLM_MODEL}).
 * Keys and endpoints sit under {@code dbchat.llm.endpoints.<name>} and come only from the environment, bound in
 * each stage's configuration file. With no provider named, one is chosen from what is configured
 * ({@link LlmProviders#choose}); with nothing configured, "offline".
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
        Map<String, Endpoint> endpoints) {

    public static final String OFFLINE = "offline";

    /** Where and how to reach one provider; each field may be blank. {@code apiVersion} only where the API has one. */
    public record Endpoint(String apiKey, String baseUrl, String apiVersion) {

        public static final Endpoint NONE = new Endpoint(null, null, null);

        public boolean hasKey() {
            return present(apiKey);
        }

        public boolean hasBaseUrl() {
            return present(baseUrl);
        }
    }

    public LlmProperties {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    /** The settings of the endpoint named {@code name}, or {@link Endpoint#NONE}. */
    public Endpoint endpoint(String name) {
        Endpoint e = endpoints.get(name);
        return e == null ? Endpoint.NONE : e;
    }

    /** The provider in force: the named one, else the first configured one, else offline. */
    public String effectiveProvider() {
        return LlmProviders.installed().choose(this);
    }

    public boolean isOffline() {
        return OFFLINE.equals(effectiveProvider());
    }

    /** The model in force: the named one, else the provider's default. */
    public String effectiveModel() {
        return LlmProviders.installed().model(this);
    }

    public static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
