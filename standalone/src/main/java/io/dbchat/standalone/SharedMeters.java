package io.dbchat.standalone;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Prometheus registry for all the stages of the process. Each stage's context gets it as its own (Spring
 * Boot's Prometheus configuration backs off when the beans exist), so the gateway's {@code /actuator/prometheus}
 * shows the meters of every stage, as the separate services show their own on their own ports. A singleton
 * registered by hand is not post-processed as Boot's own registry would be, so the process-wide meters are
 * bound here once, and the registry joins Micrometer's global one, which some stages count into.
 */
final class SharedMeters implements AutoCloseable {

    private final PrometheusRegistry prometheus = new PrometheusRegistry();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus,
            io.micrometer.core.instrument.Clock.SYSTEM);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    SharedMeters() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Metrics.addRegistry(registry);
    }

    void shareWith(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton("dbchatPrometheusRegistry", prometheus);
        context.getBeanFactory().registerSingleton("dbchatPrometheusMeterRegistry", registry);
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        gc.close();
        registry.close();
    }
}
