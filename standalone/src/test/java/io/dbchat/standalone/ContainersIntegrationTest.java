package io.dbchat.standalone;

import io.dbchat.standalone.infra.DemoDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same scenarios against Testcontainers' Kafka and PostgreSQL, configured through the public
 * environment names as a user would. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersIntegrationTest extends EndToEndScenarios {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17");

    static Standalone dbchat;
    static PipelineClient client;

    @BeforeAll
    static void start() throws Exception {
        try (Connection c = database(POSTGRES)) {
            DemoDatabase.loadInto(c);
        }
        var environment = Map.of(
                "DBCHAT_KAFKA_BOOTSTRAP_SERVERS", KAFKA.getBootstrapServers(),
                "DBCHAT_DATASOURCE_URL", POSTGRES.getJdbcUrl());
        dbchat = Standalone.start(new StandaloneSettings(environment, List.of(
                "--server.port=0",
                "--dbchat.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                "--dbchat.datasource.url=" + POSTGRES.getJdbcUrl(),
                "--dbchat.datasource.username=" + POSTGRES.getUsername(),
                "--dbchat.datasource.password=" + POSTGRES.getPassword(),
                "--dbchat.executor.username=dbchat_reader",
                "--dbchat.executor.password=dbchat_reader")));
        client = new PipelineClient(dbchat.port());
        client.awaitSchema();
    }

    @AfterAll
    static void stop() {
        if (dbchat != null) {
            dbchat.close();
        }
    }

    private static Connection database(PostgreSQLContainer postgres) throws Exception {
        return DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    @Override
    PipelineClient asker() {
        return client;
    }

    @Override
    PipelineClient listener() {
        return client;
    }

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    Connection database() throws Exception {
        return database(POSTGRES);
    }
}
