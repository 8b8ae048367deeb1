package io.dbchat.translator.stage;

import io.dbchat.translator.llm.Prices;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The translator's settings ({@code dbchat.translator.*}): self-corrections, prompt template and override
 * directory, SQL dialect and row limit, the schema token budget, calls in flight, retries with backoff, the
 * circuit breaker, how many turns of conversation history a follow-up reads, the price table (US dollars per million
 * tokens by model), and how the team's knowledge and the semantic cache are used.
 */
@Validated
@ConfigurationProperties("dbchat.translator")
public record TranslatorProperties(
        @DefaultValue("2") @Min(0) int maxCorrections,
        @DefaultValue("translate-v2") String promptVersion,
        String promptDir,
        @DefaultValue("PostgreSQL") String dialect,
        @DefaultValue("100") @Min(1) int rowLimit,
        @DefaultValue("6000") @Min(100) int schemaTokenBudget,
        @DefaultValue("1024") @Min(1) int maxInFlight,
        @DefaultValue("5m") Duration callTimeout,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("10s") Duration retryMaxBackoff,
        @DefaultValue("5") @Min(1) int breakerThreshold,
        @DefaultValue("30s") Duration breakerOpenFor,
        @DefaultValue("10") @Min(0) int contextMaxTurns,
        Map<String, Price> prices,
        @DefaultValue Knowledge knowledge) {

    /**
     * How the team's knowledge is used ({@code dbchat.translator.knowledge.*}): the similarity above which a known
     * question (an approved example, a cached one) answers the asked one, the one above which an example is shown to
     * the model, how many examples and characters of knowledge a prompt holds at most, whether the semantic cache is
     * on (with a model only), and how many examples and cached questions an instance keeps.
     */
    public record Knowledge(
            @DefaultValue("0.9") double match,
            @DefaultValue("0.65") double related,
            @DefaultValue("3") @Min(0) int examples,
            @DefaultValue("4000") @Min(0) int promptChars,
            @DefaultValue("true") boolean cache,
            @DefaultValue("10000") @Min(1) int maxExamples,
            @DefaultValue("20000") @Min(1) int maxCached) {
    }

    /** Price of one model, per million tokens. */
    public record Price(BigDecimal input, BigDecimal output) {
    }

    Prices priceTable() {
        if (prices == null || prices.isEmpty()) {
            return Prices.defaults();
        }
        Map<String, Prices.Price> table = new java.util.HashMap<>(Prices.defaults().byModel());
        prices.forEach((model, p) -> table.put(model.toLowerCase(java.util.Locale.ROOT), new Prices.Price(p.input(), p.output())));
        return new Prices(Map.copyOf(table));
    }
}
