package io.dbchat.standalone.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command against a stand-in of the gateway's knowledge API that records the requests it gets. */
class KnowledgeCommandTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    @BeforeEach
    void startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/knowledge/", this::answer);
        server.start();
    }

    @AfterEach
    void stopGateway() {
        server.stop(0);
    }

    @Test
    void importsEachEntryByIdOrAsNewAndNamesTheOnesTheGatewayRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("k.yaml"), """
                datasource: sales
                entries:
                  - kind: example
                    id: teams-count
                    question: How many teams?
                    sql: SELECT count(*) FROM teams
                  - kind: example
                    question: Drop it
                    sql: DELETE FROM teams
                """);

        int exit = run("import", file.toString(), "--url", url());

        assertThat(exit).isEqualTo(1);
        assertThat(requests).containsExactly(
                "PUT /api/knowledge/sales/entries/teams-count key-1 {\"kind\":\"example\",\"id\":\"teams-count\","
                        + "\"question\":\"How many teams?\",\"sql\":\"SELECT count(*) FROM teams\"}",
                "POST /api/knowledge/sales/entries key-1 {\"kind\":\"example\",\"question\":\"Drop it\","
                        + "\"sql\":\"DELETE FROM teams\"}");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("entry 2: the gateway answered 400: The example's SQL is refused by the SQL guard");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 of 2 entries imported into 'sales'");
    }

    @Test
    void exportsTheFilteredEntriesAsAFileThatImportsBack() {
        int exit = run("export", "--status", "approved", "--kind", "example", "--url", url());

        assertThat(exit).isZero();
        assertThat(requests).containsExactly("GET /api/knowledge/default/entries?kind=example&status=approved key-1 ");
        KnowledgeFile.Contents back = KnowledgeFile.read(out.toString(StandardCharsets.UTF_8));
        assertThat(back.datasource()).isEqualTo("default");
        assertThat(back.entries()).containsExactly(Map.of("id", "teams-count", "kind", "example", "status", "approved",
                "question", "How many teams?", "sql", "SELECT count(*) FROM teams"));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + exchange.getRequestHeaders().getFirst("X-API-Key") + " " + body);
        String reply;
        int status;
        if (body.contains("DELETE")) {
            status = 400;
            reply = "{\"code\":\"sql.not_a_query\",\"message\":\"The example's SQL is refused by the SQL guard: only queries.\"}";
        } else if (exchange.getRequestMethod().equals("GET")) {
            status = 200;
            reply = "{\"entries\":[{\"id\":\"teams-count\",\"kind\":\"example\",\"status\":\"approved\",\"question\":"
                    + "\"How many teams?\",\"sql\":\"SELECT count(*) FROM teams\",\"author\":\"alice\",\"revision\":2}],"
                    + "\"total\":1,\"admin\":false}";
        } else {
            status = 200;
            reply = body;
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private int run(String... args) {
        return KnowledgeCommand.run(args, Map.of("DBCHAT_API_KEY", "key-1"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
