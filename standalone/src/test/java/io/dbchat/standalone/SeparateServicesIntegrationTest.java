package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.ExecutorApplication;
import io.dbchat.gateway.GatewayApplication;
import io.dbchat.interpreter.InterpreterApplication;
import io.dbchat.schemapublisher.SchemaPublisherApplication;
import io.dbchat.standalone.infra.EmbeddedDatabase;
import io.dbchat.standalone.infra.EmbeddedKafkaBroker;
import io.dbchat.standalone.infra.EmbeddedRedis;
import io.dbchat.translator.TranslatorApplication;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
    /** Every service's spans, as an OTLP collector would receive them. */
    static final InMemorySpanExporter spans = InMemorySpanExporter.create();

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
                "--management.tracing.sampling.probability=1.0",
                "--server.port=0"};
        for (SpringApplicationBuilder service : List.of(SchemaPublisherApplication.builder(),
                TranslatorApplication.builder(), ExecutorApplication.builder(), InterpreterApplication.builder())) {
            services.add(traced(service).run(args));
        }
        gatewayA = new PipelineClient(port(traced(GatewayApplication.builder()).run(args)));
        gatewayB = new PipelineClient(port(traced(GatewayApplication.builder()).run(args)));
        gatewayA.awaitSchema();
        gatewayB.awaitSchema();
    }

    private static SpringApplicationBuilder traced(SpringApplicationBuilder service) {
        return service.initializers(context -> context.getBeanFactory().registerSingleton("testSpanExporter", spans));
    }

    @Test
    void oneQuestionIsOneTraceWithASpanFromEveryStage() {
        String queryId = gatewayA.ask("How many users are there?").path("query_id").asString();

        // each service exports its spans in batches of its own, a few seconds apart
        List<String> stages = List.of("gateway ask", "translator translate", "executor check and run",
                "interpreter answer", "gateway reply");
        List<SpanData> question = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!question.stream().map(SpanData::getName).toList().containsAll(stages) && System.nanoTime() < deadline) {
            question = spans.getFinishedSpanItems().stream()
                    .filter(s -> queryId.equals(s.getAttributes().get(AttributeKey.stringKey("dbchat.query_id"))))
                    .toList();
            pause();
        }

        assertThat(question).extracting(SpanData::getName).containsAll(stages);
        assertThat(question).extracting(SpanData::getTraceId).containsOnly(question.getFirst().getTraceId());
        var ids = question.stream().map(SpanData::getSpanId).toList();
        assertThat(question).filteredOn(s -> !s.getName().equals("gateway ask"))
                .allSatisfy(s -> assertThat(ids).as("parent of " + s.getName()).contains(s.getParentSpanId()));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
