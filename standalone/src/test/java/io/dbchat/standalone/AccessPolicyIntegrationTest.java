package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.llm.LlmStub;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import io.dbchat.contracts.runtime.PostgresUrl;
import io.dbchat.contracts.serde.Json;
import io.dbchat.standalone.infra.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Row and column policies on the demo database through the running system, asked over HTTP by principals with API
 * keys and answered by a scripted language model: two principals asking the same questions get the rows and counts
 * their policies allow, checked against SQL written by hand with the filter; an adversarial set of model replies
 * (UNION with the whole table, CTEs, self-joins, windows over the whole table, EXISTS and scalar subqueries, LATERAL,
 * set-returning functions, aggregates, an error raised on rows the filter hides) never returns a row or count the
 * principal may not see; a principal without the attribute a filter needs gets nothing; a column only HR may read is
 * refused to others as an unknown column is, and is missing from what they and the model are shown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessPolicyIntegrationTest {

    private static final Pattern TAG = Pattern.compile("\\bQ(\\d+)\\b");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** Alice: clients in Germany, her own tasks; Bob: clients in Canada, every task (a manager), salaries (hr). */
    private static final Map<String, String> ALICE = Map.of("country", "Germany", "user_id", "3", "role", "consultant");
    private static final Map<String, String> BOB = Map.of("country", "Canada", "user_id", "5", "role", "manager",
            "roles", "hr");

    /** What the model answers to question Qn: the SQL a user could ask for, or an attacker could inject. */
    private static final List<String> SCRIPT = List.of(
            /* 0 */ "SELECT count(*) AS n FROM clients",
            /* 1 */ "SELECT industry, count(*) AS n FROM clients GROUP BY industry ORDER BY industry",
            /* 2 */ "SELECT name FROM clients ORDER BY name",
            /* 3 */ "SELECT count(*) AS n FROM tasks",
            /* 4 */ "SELECT name FROM clients UNION SELECT c2.name FROM clients c2 WHERE c2.country <> 'Germany' ORDER BY 1",
            /* 5 */ "WITH every_client AS (SELECT * FROM clients) SELECT count(*) AS n FROM every_client",
            /* 6 */ "SELECT DISTINCT b.name FROM clients a JOIN clients b ON a.industry = b.industry OR true ORDER BY 1",
            /* 7 */ "SELECT DISTINCT count(*) OVER () AS n FROM clients",
            /* 8 */ "SELECT count(*) AS n FROM teams WHERE EXISTS (SELECT 1 FROM clients WHERE country = 'Japan')",
            /* 9 */ "SELECT (SELECT count(*) FROM clients) AS n",
            /* 10 */ "SELECT l.n FROM teams t CROSS JOIN LATERAL (SELECT count(*) AS n FROM clients c) l WHERE t.id = 1",
            /* 11 */ "SELECT count(*) AS n FROM unnest((SELECT array_agg(name) FROM clients)) AS x",
            /* 12 */ "SELECT count(*) AS n FROM generate_series(1, (SELECT count(*) FROM clients)) AS g",
            /* 13 */ "SELECT country, count(*) AS n FROM clients GROUP BY country ORDER BY country",
            /* 14 */ "SELECT count(*) AS n FROM projects p JOIN clients c ON c.id = p.client_id",
            /* 15 */ "SELECT count(*) AS n FROM projects WHERE client_id IN (SELECT id FROM clients)",
            /* 16 */ "SELECT count(*) AS n FROM clients WHERE 1 / (CASE WHEN country = 'Japan' THEN 0 ELSE 1 END) = 1",
            /* 17 */ "SELECT sum(salary) AS total FROM users",
            /* 18 */ "SELECT * FROM users WHERE id = 1",
            /* 19 */ "SELECT max(n) AS n FROM (SELECT count(*) AS n FROM clients GROUP BY country) per_country",
            /* 20 */ "WITH RECURSIVE r(k) AS (SELECT (SELECT count(*) FROM clients) UNION ALL SELECT k - 1 FROM r WHERE k > 0) "
                    + "SELECT max(k) AS n FROM r");

    @TempDir
    static Path dir;
    static Path policies;
    static LlmStub llm;
    static Standalone dbchat;
    static WebTestClient http;

    @BeforeAll
    static void start() throws Exception {
        policies = dir.resolve("policies.yml");
        Files.writeString(policies, policyFile("country = :country"));
        llm = new LlmStub().answerWith(AccessPolicyIntegrationTest::modelReply);
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--dbchat.gateway.auth.mode=api-key",
                "--dbchat.gateway.auth.api-keys=ka=alice,kb=bob,kc=carol", "--dbchat.policy.file=" + policies));
        ALICE.forEach((k, v) -> args.add("--dbchat.gateway.auth.attributes.alice[" + k + "]=" + v));
        BOB.forEach((k, v) -> args.add("--dbchat.gateway.auth.attributes.bob[" + k + "]=" + v));
        dbchat = Standalone.start(new StandaloneSettings(
                Map.of("DBCHAT_LLM_PROVIDER", "openai", "OPENAI_BASE_URL", llm.openAiBaseUrl()), args));
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + dbchat.port()).responseTimeout(TIMEOUT).build();
        awaitSchema();
    }

    @AfterAll
    static void stop() {
        if (dbchat != null) {
            dbchat.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    void twoPrincipalsAskingTheSameQuestionsGetWhatTheirPoliciesAllow() throws Exception {
        for (int q : new int[] {0, 1, 2}) {
            assertThat(rows("ka", q)).as("alice Q%d", q).isEqualTo(database(filtered(q, "Germany")));
            assertThat(rows("kb", q)).as("bob Q%d", q).isEqualTo(database(filtered(q, "Canada")));
        }
        assertThat(rows("ka", 2)).as("other clients").doesNotContainAnyElementsOf(rows("kb", 2));
        assertThat(Long.parseLong(rows("ka", 0).getFirst().getFirst()))
                .isLessThan(Long.parseLong(database("SELECT count(*) FROM clients").getFirst().getFirst()));
        assertThat(rows("ka", 3)).isEqualTo(database("SELECT count(*) AS n FROM tasks WHERE assignee_id = 3"));
        assertThat(rows("kb", 3)).as("a manager sees every task").isEqualTo(database("SELECT count(*) AS n FROM tasks"));
    }

    @Test
    void noAdversarialQueryReturnsARowOrCountThePrincipalMayNotSee() throws Exception {
        List<List<String>> count = database("SELECT count(*) AS n FROM clients WHERE country = 'Germany'");
        List<List<String>> names = database("SELECT name FROM clients WHERE country = 'Germany' ORDER BY name");

        assertThat(rows("ka", 4)).as("UNION with the whole table").isEqualTo(names);
        assertThat(rows("ka", 5)).as("a CTE over the table").isEqualTo(count);
        assertThat(rows("ka", 6)).as("a self-join").isEqualTo(names);
        assertThat(rows("ka", 7)).as("a window over the whole table").isEqualTo(count);
        assertThat(rows("ka", 8)).as("EXISTS over rows she may not see").isEqualTo(List.of(List.of("0")));
        assertThat(rows("ka", 9)).as("a scalar subquery").isEqualTo(count);
        assertThat(rows("ka", 10)).as("LATERAL").isEqualTo(count);
        assertThat(rows("ka", 11)).as("unnest of an aggregate").isEqualTo(count);
        assertThat(rows("ka", 12)).as("generate_series up to a count").isEqualTo(count);
        assertThat(rows("ka", 13)).as("an aggregate per country")
                .isEqualTo(database("SELECT country, count(*) AS n FROM clients WHERE country = 'Germany' GROUP BY country"));
        assertThat(rows("ka", 14)).as("a join from an unpoliced table").isEqualTo(database(
                "SELECT count(*) AS n FROM projects p JOIN clients c ON c.id = p.client_id WHERE c.country = 'Germany'"));
        assertThat(rows("ka", 15)).as("IN (subquery)").isEqualTo(database(
                "SELECT count(*) AS n FROM projects WHERE client_id IN (SELECT id FROM clients WHERE country = 'Germany')"));
        assertThat(rows("ka", 16)).as("an error raised only on a hidden row never fires").isEqualTo(count);
        assertThat(rows("ka", 19)).as("the largest group is one of hers").isEqualTo(count);
        assertThat(rows("ka", 20)).as("a recursive CTE seeded by a count").isEqualTo(count);
    }

    @Test
    void aPrincipalWithoutTheAttributeAFilterNeedsGetsNothing() throws Exception {
        assertThat(rows("kc", 0)).isEqualTo(List.of(List.of("0")));
        assertThat(rows("kc", 3)).isEqualTo(List.of(List.of("0")));
        assertThat(rows("kc", 9)).isEqualTo(List.of(List.of("0")));
    }

    @Test
    void aColumnOnlyHrMayReadIsRefusedToOthersAsAnUnknownColumnIs() throws Exception {
        JsonNode alice = ask("ka", 17);
        assertThat(alice.path("problem").path("code").asString()).isEqualTo("sql.column_not_allowed");
        assertThat(alice.path("problem").path("message").asString()).isEqualTo("The column 'salary' is not available.");
        assertThat(alice.path("rows").isEmpty()).isTrue();
        assertThat(rows("kb", 17)).isEqualTo(database("SELECT sum(salary) AS total FROM users"));

        JsonNode star = ask("ka", 18);
        assertThat(star.path("problem").isMissingNode() || star.path("problem").isNull()).isTrue();
        assertThat(star.path("columns").toString()).doesNotContain("salary").contains("email");
    }

    @Test
    void whatThePrincipalAndTheModelAreShownFollowsThePolicy() {
        JsonNode alice = schemaInfo("ka");
        JsonNode bob = schemaInfo("kb");

        assertThat(columnsOf(alice, "users")).doesNotContain("salary").contains("email");
        assertThat(columnsOf(bob, "users")).contains("salary");
        for (JsonNode schema : List.of(alice, bob)) {
            assertThat(table(schema, "clients").toString()).as("no sampled value of a filtered table")
                    .doesNotContain("Japan").doesNotContain("Netherlands");
            assertThat(table(schema, "clients").path("row_estimate").asLong()).as("nor its size").isNegative();
            assertThat(table(schema, "teams").toString()).as("an unfiltered table keeps its samples").contains("Berlin");
        }
        ask("ka", 0);
        assertThat(llm.requests()).filteredOn(r -> r.prompt().contains("You translate questions")
                        && r.prompt().contains("alice asks Q0"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.prompt()).doesNotContain("salary").doesNotContain("Netherlands"));
    }

    @Test
    void sqlAnMcpClientWritesRunsUnderItsPrincipalsPoliciesToo() throws Exception {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + dbchat.port()).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("X-API-Key", "ka")).build();
        try (McpSyncClient agent = McpClient.sync(transport).requestTimeout(TIMEOUT).build()) {
            agent.initialize();

            var counted = agent.callTool(new McpSchema.CallToolRequest("run_sql",
                    Map.of("sql", "SELECT count(*) AS n FROM clients")));
            var hidden = agent.callTool(new McpSchema.CallToolRequest("run_sql",
                    Map.of("sql", "SELECT max(salary) AS n FROM users")));
            var users = agent.callTool(new McpSchema.CallToolRequest("describe_table", Map.of("table", "users")));

            assertThat(counted.isError()).isFalse();
            assertThat(((Map<?, ?>) counted.structuredContent()).get("rows").toString())
                    .isEqualTo(List.of(List.of(Integer.parseInt(
                            database("SELECT count(*) FROM clients WHERE country = 'Germany'").getFirst().getFirst())))
                            .toString());
            assertThat(hidden.isError()).isTrue();
            assertThat(users.structuredContent().toString()).doesNotContain("salary").contains("email");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aChangedPolicyFileAppliesWithoutARestart() throws Exception {
        Files.writeString(policies, policyFile("country = :country OR country = 'Japan'"));
        List<List<String>> widened = database(
                "SELECT count(*) AS n FROM clients WHERE country = 'Germany' OR country = 'Japan'");

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<List<String>> seen = rows("ka", 0);
        while (!seen.equals(widened) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            seen = rows("ka", 0);
        }

        assertThat(seen).isEqualTo(widened);
        assertThat(rows("kb", 0)).isEqualTo(database(
                "SELECT count(*) AS n FROM clients WHERE country = 'Canada' OR country = 'Japan'"));
    }

    private static String policyFile(String clients) {
        return """
                datasources:
                  %s:
                    rows:
                      clients: "%s"
                      tasks: "assignee_id = :user_id::int OR :role = 'manager'"
                    columns:
                      users:
                        salary: [hr]
                """.formatted(EmbeddedDatabase.DEMO, clients);
    }

    private static String filtered(int q, String country) {
        return switch (q) {
            case 0 -> "SELECT count(*) AS n FROM clients WHERE country = '" + country + "'";
            case 1 -> "SELECT industry, count(*) AS n FROM clients WHERE country = '" + country
                    + "' GROUP BY industry ORDER BY industry";
            case 2 -> "SELECT name FROM clients WHERE country = '" + country + "' ORDER BY name";
            default -> throw new IllegalArgumentException("no hand-written SQL for Q" + q);
        };
    }

    /** The model as a user or an attacker scripts it: the SQL of the question's tag, in a code block. */
    private static LlmStub.Reply modelReply(LlmStub.Recorded request) {
        String prompt = request.prompt();
        Matcher m = TAG.matcher(prompt);
        if (prompt.contains("You translate questions") && m.find()) {
            return LlmStub.Reply.text("```sql\n" + SCRIPT.get(Integer.parseInt(m.group(1))) + "\n```");
        }
        return LlmStub.Reply.text("Here is what you asked for.");
    }

    private static List<List<String>> rows(String key, int q) {
        JsonNode answer = ask(key, q);
        assertThat(answer.path("problem").isMissingNode() || answer.path("problem").isNull())
                .as("Q%d as %s: %s", q, key, answer.path("problem")).isTrue();
        List<List<String>> rows = new ArrayList<>();
        answer.path("rows").forEach(row -> {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.isNull() ? null : v.asString()));
            rows.add(values);
        });
        return rows;
    }

    private static JsonNode ask(String key, int q) {
        String who = switch (key) {
            case "ka" -> "alice";
            case "kb" -> "bob";
            default -> "carol";
        };
        byte[] body = http.post().uri("/api/chat/query/").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", who + " asks Q" + q + ": what does the data say?"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Json.MAPPER.readTree(body);
    }

    private static JsonNode schemaInfo(String key) {
        byte[] body = http.get().uri("/api/chat/schema-info/").header("X-API-Key", key).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Json.MAPPER.readTree(body);
    }

    private static JsonNode table(JsonNode schema, String name) {
        for (JsonNode t : schema.path("tables")) {
            if (t.path("name").asString().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name + " in " + schema);
    }

    private static List<String> columnsOf(JsonNode schema, String name) {
        List<String> out = new ArrayList<>();
        table(schema, name).path("fields").forEach(c -> out.add(c.path("name").asString()));
        return out;
    }

    private static void awaitSchema() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var status = http.get().uri("/api/chat/schema-info/").header("X-API-Key", "ka").exchange()
                    .expectBody().returnResult().getStatus();
            if (status.is2xxSuccessful()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no schema reached the gateway within " + TIMEOUT);
    }

    /** The hand-written SQL's rows, read as the tables' owner, values as text. */
    private static List<List<String>> database(String sql) throws Exception {
        var p = dbchat.infrastructureProperties();
        try (Connection c = DriverManager.getConnection(PostgresUrl.parse(p.get("dbchat.datasource.url")).jdbcUrl(),
                p.get("dbchat.datasource.username"), null);
             var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
