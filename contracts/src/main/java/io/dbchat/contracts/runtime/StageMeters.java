package io.dbchat.contracts.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

/**
 * Meters every stage has, named alike in every stage: its Kafka Streams client metrics (consumer lag,
 * commit and poll rates, under Micrometer's {@code kafka.*} names, tagged with the stage) and the calls it
 * has in flight ({@code dbchat.calls.in_flight}).
 */
public final class StageMeters {

    public static final String IN_FLIGHT = "dbchat.calls.in_flight";

    private StageMeters() {
    }

    /** A gauge of the slow calls (LLM, database) a stage has started and not yet finished. */
    public static void inFlight(MeterRegistry registry, String stage, IntSupplier calls) {
        Gauge.builder(IN_FLIGHT, calls, IntSupplier::getAsInt)
                .description("Calls a stage has started and not yet finished")
                .tag("stage", stage)
                .strongReference(true)
                .register(registry);
    }

    /**
     * Binds each stage's Streams instance to the registry when it starts: the stages build their own
     * {@link StreamsBuilderFactoryBean}, which Spring Boot's Kafka metrics configuration does not reach.
     */
    static BeanPostProcessor streamsBinder(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof StreamsBuilderFactoryBean factory) {
                    // the application id is the topic prefix and the stage's name
                    String id = String.valueOf(factory.getStreamsConfiguration().get("application.id"));
                    String stage = id.substring(id.lastIndexOf('.') + 1);
                    registry.ifAvailable(r -> factory.addListener(
                            new KafkaStreamsMicrometerListener(r, List.of(Tag.of("stage", stage)))));
                }
                return bean;
            }
        };
    }
}
