package io.dbchat.gateway;

import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.contracts.runtime.PipelineConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The gateway: the only HTTP surface of dbchat. It publishes questions to Kafka and serves the replies
 * (synchronously, as Server-Sent Events, or as a query's state) and the latest schema snapshots.
 */
@SpringBootApplication
@Import(PipelineConfiguration.class)
@EnableConfigurationProperties({GatewayProperties.class, DatasourcesProperties.class})
public class GatewayApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The gateway's application, reading {@code gateway.yml}; the standalone launcher adds its own properties. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=gateway");
    }
}
