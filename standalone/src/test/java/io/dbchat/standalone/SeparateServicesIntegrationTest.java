package io.dbchat.standalone;

import io.dbchat.executor.ExecutorApplication;
import io.dbchat.gateway.GatewayApplication;
import io.dbchat.interpreter.InterpreterApplication;
import io.dbchat.schemapublisher.SchemaPublisherApplication;
import io.dbchat.standalone.infra.EmbeddedDatabase;
import io.dbchat.standalone.infra.EmbeddedKafkaBroker;
import io.dbchat.standalone.infra.EmbeddedRedis;
import io.dbchat.translator.TranslatorApplication;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The five stages as separate services would run them: each its own Spring application, configured only
 * by its own properties, against one broker, with two gateway instances. A question asked through one
 * gateway is answered to a subscriber of the other.
 */
class SeparateServicesIntegrationTest extends EndToEndScenarios {

    static EmbeddedKafkaBroker kafka;
    static EmbeddedDatabase postgres;
    static EmbeddedRedis redis;
    static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    static PipelineClient gatewayA;
    static PipelineClient gatewayB;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaBroker(null, 0).start();
        postgres = new EmbeddedDatabase(null, 0).start();
        postgres.ensureDemoDatabase();
        redis = new EmbeddedRedis(null, 0).start();
        String[] args = {
                "--dbchat.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--dbchat.datasource.name=demo",
                "--dbchat.datasource.url=postgresql://127.0.0.1:" + postgres.port() + "/" + EmbeddedDatabase.DEMO,
                "--dbchat.datasource.username=" + postgres.username(),
                "--dbchat.executor.username=" + postgres.readerUsername(),
                "--dbchat.executor.password=" + postgres.readerPassword(),
                "--dbchat.redis.url=" + redis.url(),
                "--dbchat.gateway.auth.mode=open",
                "--server.port=0"};
        for (SpringApplicationBuilder service : List.of(SchemaPublisherApplication.builder(),
                TranslatorApplication.builder(), ExecutorApplication.builder(), InterpreterApplication.builder())) {
            services.add(service.run(args));
        }
        gatewayA = new PipelineClient(port(GatewayApplication.builder().run(args)));
        gatewayB = new PipelineClient(port(GatewayApplication.builder().run(args)));
        gatewayA.awaitSchema();
        gatewayB.awaitSchema();
    }

    private static int port(ConfigurableApplicationContext gateway) {
        services.add(gateway);
        return Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        services.reversed().forEach(ConfigurableApplicationContext::close);
        for (AutoCloseable server : new AutoCloseable[] {redis, postgres, kafka}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    PipelineClient asker() {
        return gatewayA;
    }

    @Override
    PipelineClient listener() {
        return gatewayB;
    }

    @Override
    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    Connection database() throws Exception {
        return postgres.connect(EmbeddedDatabase.DEMO);
    }
}
