package io.dbchat.gateway;

import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.contracts.runtime.PipelineConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The gateway: the only HTTP surface of dbchat. It publishes questions to Kafka and serves the replies
 * (synchronously, as Server-Sent Events, over a WebSocket, or as a query's state), the caller's
 * conversations, and the latest schema snapshots; every caller sees only its own queries.
 */
// API keys and JWTs are the gateway's own security (see security/): no generated in-memory user
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration")
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
