package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.contracts.runtime.PostgresUrl;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default end to end: real broker, PostgreSQL with the demo data and Redis, all five stages (the
 * {@link SharedDemo} system, which other test classes of the default use as well).
 */
@ExtendWith(SharedDemo.class)
class StandaloneIntegrationTest extends EndToEndScenarios {

    static Standalone dbchat;
    static PipelineClient client;
    static McpGateway mcp;

    @BeforeAll
    static void start() {
        dbchat = SharedDemo.standalone();
        client = new PipelineClient(dbchat.port());
        client.awaitSchema();
        mcp = McpGateway.start(dbchat.infrastructureProperties());
    }

    @AfterAll
    static void stop() {
        if (mcp != null) {
            mcp.close();
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

    @Test
    void anMcpClientAsksAndFollowsTheProgress() {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        try (McpSyncClient agent = mcp.client(McpGateway.ALICE, progress::add)) {
            agent.initialize();
            assertThat(agent.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("ask", "list_tables", "describe_table", "run_sql", "search_knowledge",
                            "propose_knowledge");

            var result = agent.callTool(new McpSchema.CallToolRequest("ask",
                    Map.of("question", "How many users are there?"), Map.of("progressToken", "ask-1")));

            assertThat(result.isError()).isFalse();
            assertThat(text(result)).containsPattern("There are [\\d,]+ users\\.").contains("SQL:").contains("FROM");
            var answer = (Map<?, ?>) result.structuredContent();
            assertThat(answer.get("sql").toString()).containsIgnoringCase("count");
            assertThat((List<?>) answer.get("rows")).hasSize(1);
            assertThat(answer.get("conversation_id")).isNotNull();
            assertThat(progress).isNotEmpty().allMatch(p -> "ask-1".equals(p.progressToken()));
            assertThat(progress).extracting(McpSchema.ProgressNotification::message).contains("translating", "executing");
        }
    }

    @Test
    void anMcpClientReadsTheSchemaWithItsExactValues() {
        try (McpSyncClient agent = mcp.client(McpGateway.ALICE, p -> { })) {
            agent.initialize();

            var tables = agent.callTool(new McpSchema.CallToolRequest("list_tables", Map.of()));
            var projects = agent.callTool(new McpSchema.CallToolRequest("describe_table", Map.of("table", "projects")));
            var missing = agent.callTool(new McpSchema.CallToolRequest("describe_table", Map.of("table", "nope")));

            assertThat(text(tables)).contains("public.users").contains("public.projects").doesNotContain("password_hash");
            assertThat(projects.isError()).isFalse();
            assertThat(text(projects)).contains("On Hold");
            assertThat(((Map<?, ?>) projects.structuredContent()).get("primary_key")).isEqualTo(List.of("id"));
            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).startsWith("not_found:");
        }
    }

    @Test
    void sqlAnAgentWroteRunsThroughTheGuardAndARefusalIsAToolError() throws Exception {
        DatabaseFingerprint before;
        try (var c = database()) {
            before = DatabaseFingerprint.of(c);
        }
        try (McpSyncClient agent = mcp.client(McpGateway.ALICE, p -> { })) {
            agent.initialize();

            var counted = agent.callTool(new McpSchema.CallToolRequest("run_sql",
                    Map.of("sql", "SELECT count(*) AS users FROM users", "purpose", "How many users are there?")));
            var refused = agent.callTool(new McpSchema.CallToolRequest("run_sql", Map.of("sql", "DELETE FROM users")));
            var hidden = agent.callTool(new McpSchema.CallToolRequest("run_sql",
                    Map.of("sql", "SELECT password_hash FROM users")));

            assertThat(counted.isError()).isFalse();
            var answer = (Map<?, ?>) counted.structuredContent();
            assertThat(answer.get("translator")).isEqualTo("user (mcp)");
            assertThat(answer.get("sql").toString()).startsWith("SELECT count(*) AS users FROM users");
            assertThat((List<?>) answer.get("rows")).hasSize(1);
            assertThat(refused.isError()).isTrue();
            assertThat(((Map<?, ?>) ((Map<?, ?>) refused.structuredContent()).get("problem")).get("code").toString())
                    .startsWith("sql");
            assertThat(hidden.isError()).isTrue();
            assertThat(text(hidden)).contains("password_hash");
        }
        try (var c = database()) {
            assertThat(DatabaseFingerprint.of(c)).isEqualTo(before);
        }
    }

    @Test
    void anAnswerOfSeveralMegabytesArrivesWhole() {
        // 1,000 rows of 3,000 characters: about 3 MB of rows, over Kafka's 1 MB default record size
        try (McpSyncClient agent = mcp.client(McpGateway.ALICE, p -> { })) {
            agent.initialize();

            var large = agent.callTool(new McpSchema.CallToolRequest("run_sql", Map.of("sql",
                    "SELECT n, lpad('x', 3000, 'x') AS filler FROM generate_series(1, 1000) AS n",
                    "purpose", "Fill the screen")));

            assertThat(large.isError()).as(text(large)).isFalse();
            var answer = (Map<?, ?>) large.structuredContent();
            assertThat(((Number) answer.get("row_count")).intValue()).as("every row came through the topics").isEqualTo(1000);
            var rows = (List<?>) answer.get("rows"); // the tool shows an agent the first few
            assertThat(((List<?>) rows.getLast()).get(1).toString()).hasSize(3000);
        }
    }

    @Test
    void mcpFollowsTheRestApisPrincipalsAndDatasourceRules() throws Exception {
        assertThat(mcp.post(Map.of())).isEqualTo(401);
        assertThat(mcp.post(Map.of("X-API-Key", "not-a-key"))).isEqualTo(401);
        try (McpSyncClient stranger = mcp.client(null, p -> { })) {
            assertThatThrownBy(stranger::initialize).isInstanceOf(RuntimeException.class);
        }
        try (McpSyncClient bob = mcp.client(McpGateway.BOB, p -> { })) {
            bob.initialize();

            var tables = bob.callTool(new McpSchema.CallToolRequest("list_tables", Map.of()));
            var sql = bob.callTool(new McpSchema.CallToolRequest("run_sql", Map.of("sql", "SELECT 1")));

            assertThat(tables.isError()).isTrue();
            assertThat(text(tables)).startsWith("forbidden:");
            assertThat(sql.isError()).isTrue();
            assertThat(text(sql)).startsWith("forbidden:");
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream().map(c -> ((McpSchema.TextContent) c).text()).reduce("", String::concat);
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
