package io.dbchat.gateway.metrics;

import io.dbchat.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own meters (see {@link QuestionMeters} and {@link SubscriberMeters}). */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    QuestionMeters questionMeters(MeterRegistry registry, GatewayProperties properties) {
        return new QuestionMeters(registry, properties.maxBufferedQueries(), properties.pendingRetention());
    }

    @Bean
    SubscriberMeters subscriberMeters(MeterRegistry registry) {
        return new SubscriberMeters(registry);
    }
}
