package io.dbchat.translator.llm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;

/** US dollars per million input and output tokens, by model name; an unknown model costs nothing (a local server). */
public record Prices(Map<String, Price> byModel) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    /** Published list prices of the default models, used when the configuration names none. */
    public static Prices defaults() {
        return new Prices(Map.of(
                "gpt-4o-mini", new Price(new BigDecimal("0.15"), new BigDecimal("0.60")),
                "gpt-4o", new Price(new BigDecimal("2.50"), new BigDecimal("10.00")),
                "claude-3-5-haiku-latest", new Price(new BigDecimal("0.80"), new BigDecimal("4.00")),
                "claude-sonnet-4-5", new Price(new BigDecimal("3.00"), new BigDecimal("15.00"))));
    }

    public BigDecimal cost(String model, long inputTokens, long outputTokens) {
        Price price = byModel.get(model == null ? "" : model.toLowerCase(Locale.ROOT));
        if (price == null) {
            return BigDecimal.ZERO;
        }
        return price.inputPerMillion().multiply(BigDecimal.valueOf(inputTokens))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, MathContext.DECIMAL64);
    }
}
