package io.dbchat.translator.llm;

import io.dbchat.contracts.events.LlmInteraction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every model call (the {@link LlmInteraction} that the event lists too) as a log line and as Micrometer
 * meters: {@code dbchat.llm.calls} (by status), {@code dbchat.llm.tokens} (by direction), {@code dbchat.llm.cost}
 * (US dollars) and {@code dbchat.llm.latency}. The meters of each provider, model, prompt version and status are
 * looked up once, not on every call.
 */
public final class InteractionLog {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionLog.class);

    private final MeterRegistry registry;
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

    public InteractionLog(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(LlmInteraction i) {
        Meters m = meters.computeIfAbsent(new Key(i.provider(), i.model(), i.promptVersion(), i.status()), this::register);
        m.calls().increment();
        m.inputTokens().increment(i.inputTokens());
        m.outputTokens().increment(i.outputTokens());
        m.cost().increment(i.costUsd().doubleValue());
        m.latency().record(Duration.ofMillis(i.latencyMs()));
        if (i.error() == null) {
            LOG.debug("llm call {}", i);
        } else {
            LOG.warn("llm call {}", i);
        }
    }

    private Meters register(Key k) {
        String[] tags = {"provider", k.provider(), "model", k.model(), "prompt_version", k.promptVersion()};
        return new Meters(
                Counter.builder("dbchat.llm.calls").tags(tags).tag("status", k.status()).register(registry),
                Counter.builder("dbchat.llm.tokens").tags(tags).tag("direction", "input").register(registry),
                Counter.builder("dbchat.llm.tokens").tags(tags).tag("direction", "output").register(registry),
                Counter.builder("dbchat.llm.cost").baseUnit("usd").tags(tags).register(registry),
                Timer.builder("dbchat.llm.latency").tags(tags).tag("status", k.status()).register(registry));
    }

    private record Key(String provider, String model, String promptVersion, String status) {
    }

    private record Meters(Counter calls, Counter inputTokens, Counter outputTokens, Counter cost, Timer latency) {
    }
}
