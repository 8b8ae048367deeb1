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
 * circuit breaker, how many turns of conversation history a follow-up reads, and the price table (US dollars per million tokens by model).
 */
@Validated
@ConfigurationProperties("dbchat.translator")
public record TranslatorProperties(
        @DefaultValue("2") @Min(0) int maxCorrections,
        @DefaultValue("translate-v1") String promptVersion,
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
        Map<String, Price> prices) {

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
