package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.runtime.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The embedded default end to end: real broker, PostgreSQL with the demo data and Redis, all five stages. */
class StandaloneIntegrationTest extends EndToEndScenarios {

    static Standalone dbchat;
    static PipelineClient client;

    @BeforeAll
    static void start() {
        dbchat = Standalone.start(new StandaloneSettings(Map.of(), List.of("--server.port=0")));
        client = new PipelineClient(dbchat.port());
        client.awaitSchema();
    }

    @AfterAll
    static void stop() {
        if (dbchat != null) {
            dbchat.close();
        }
    }

    @Test
    void theDemoNeverPublishesThePasswordHashes() {
        JsonNode users = null;
        for (JsonNode table : client.schemaInfo().path("tables")) {
            users = table.path("name").asString().equals("users") ? table : users;
        }

        assertThat(users).isNotNull();
        assertThat(users.path("fields").findValuesAsString("name")).contains("email").doesNotContain("password_hash");
    }

    @Test
    void aRefreshOnDemandPublishesAChangedCatalogAtOnce() throws Exception {
        try (var c = database()) {
            c.createStatement().execute("COMMENT ON TABLE skills IS 'Skills, refreshed on demand'");
        }

        client.refreshSchema();

        client.awaitSchema(schema -> {
            for (JsonNode table : schema.path("tables")) {
                if (table.path("name").asString().equals("skills")) {
                    return table.path("comment").asString("").equals("Skills, refreshed on demand");
                }
            }
            return false;
        });
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
        return dbchat.infrastructureProperties().get("dbchat.kafka.bootstrap-servers");
    }

    @Override
    Connection database() throws Exception {
        var p = dbchat.infrastructureProperties();
        return DriverManager.getConnection(PostgresUrl.parse(p.get("dbchat.datasource.url")).jdbcUrl(),
                p.get("dbchat.datasource.username"), null);
    }
}
