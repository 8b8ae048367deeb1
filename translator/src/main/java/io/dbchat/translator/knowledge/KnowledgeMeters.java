package io.dbchat.translator.knowledge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;

/**
 * The translator's knowledge meters: {@code dbchat.translator.sql} (translations by where their SQL came from:
 * model, example, cache, rules), {@code dbchat.translator.cache.lookups} (by result: hit, miss), and what the cache
 * saved, {@code dbchat.translator.cache.saved.calls} (model translations) and {@code dbchat.translator.cache.saved.cost}
 * (US dollars those translations cost).
 */
public final class KnowledgeMeters {

    private final MeterRegistry registry;
    private final Counter hits;
    private final Counter misses;
    private final Counter savedCalls;
    private final Counter savedCost;

    public KnowledgeMeters(MeterRegistry registry) {
        this.registry = registry;
        this.hits = Counter.builder("dbchat.translator.cache.lookups").tag("result", "hit").register(registry);
        this.misses = Counter.builder("dbchat.translator.cache.lookups").tag("result", "miss").register(registry);
        this.savedCalls = Counter.builder("dbchat.translator.cache.saved.calls")
                .description("Model translations the semantic cache made unnecessary").register(registry);
        this.savedCost = Counter.builder("dbchat.translator.cache.saved.cost").baseUnit("usd")
                .description("What the translations the cache reused had cost").register(registry);
    }

    void source(String kind) {
        Counter.builder("dbchat.translator.sql").tag("source", kind).register(registry).increment();
    }

    void hit(BigDecimal cost) {
        hits.increment();
        savedCalls.increment();
        savedCost.increment(cost == null ? 0 : cost.doubleValue());
    }

    void miss() {
        misses.increment();
    }

    double hits() {
        return hits.count();
    }

    double misses() {
        return misses.count();
    }
}
