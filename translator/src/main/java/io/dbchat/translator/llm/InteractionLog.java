package io.dbchat.translator.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every model call as a log line and as Micrometer meters: {@code dbchat.llm.calls} (by status),
 * {@code dbchat.llm.tokens} (by direction), {@code dbchat.llm.cost} (US dollars) and {@code dbchat.llm.latency}.
 */
public final class InteractionLog {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionLog.class);

    private final MeterRegistry registry;

    public InteractionLog(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Interaction i) {
        String[] tags = {"provider", i.provider(), "model", i.model(), "prompt_version", i.promptVersion()};
        Counter.builder("dbchat.llm.calls").tags(tags).tag("status", i.status()).register(registry).increment();
        Counter.builder("dbchat.llm.tokens").tags(tags).tag("direction", "input").register(registry).increment(i.inputTokens());
        Counter.builder("dbchat.llm.tokens").tags(tags).tag("direction", "output").register(registry).increment(i.outputTokens());
        Counter.builder("dbchat.llm.cost").baseUnit("usd").tags(tags).register(registry).increment(i.costUsd().doubleValue());
        Timer.builder("dbchat.llm.latency").tags(tags).tag("status", i.status()).register(registry)
                .record(Duration.ofMillis(i.latencyMs()));
        if (i.error() == null) {
            LOG.debug("llm call {}", i);
        } else {
            LOG.warn("llm call {}", i);
        }
    }
}
