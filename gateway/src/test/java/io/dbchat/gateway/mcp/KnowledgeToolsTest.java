package io.dbchat.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.gateway.Fixtures;
import io.dbchat.gateway.MemoryKnowledge;
import io.dbchat.gateway.knowledge.KnowledgeFixtures;
import io.dbchat.gateway.schema.SchemaCatalog;
import io.dbchat.gateway.schema.SchemaLookups;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.mcp.server.webflux.transport.WebFluxStreamableServerTransportProvider;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The knowledge tools over MCP's Streamable HTTP, called with the MCP SDK's own client: a search shows the entries of
 * a datasource, a proposal lands as proposed (whatever the call says of its status) once the guard accepts its SQL.
 * The principal comes from a test header here, as the security chain puts it in the transport context in the gateway.
 */
class KnowledgeToolsTest {

    private static final MemoryKnowledge BASE = new MemoryKnowledge();
    private static McpAsyncServer server;
    private static DisposableServer http;

    @BeforeAll
    static void start() {
        SchemaCatalog schemas = new SchemaCatalog();
        schemas.put("default", Fixtures.schema("default"));
        var lookup = SchemaLookups.open(schemas);
        var transport = WebFluxStreamableServerTransportProvider.builder().jsonMapper(McpJsonDefaults.getMapper())
                .messageEndpoint("/mcp")
                .contextExtractor(request -> McpTransportContext.create(
                        Map.of(Tools.PRINCIPAL, request.headers().firstHeader("X-Principal"), Tools.ATTRIBUTES, Map.of())))
                .build();
        server = McpServer.async(transport).serverInfo("dbchat", "1")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(new KnowledgeTools(KnowledgeFixtures.knowledge(BASE, schemas, lookup), lookup).all()).build();
        http = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(transport.getRouterFunction())))
                .bindNow();
    }

    @AfterAll
    static void stop() {
        server.close();
        http.disposeNow();
    }

    @BeforeEach
    void empty() {
        BASE.reset();
    }

    private static McpSyncClient client(String principal) {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port()).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("X-Principal", principal)).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    @Test
    void anAgentProposesAnExampleThatLandsProposedAndFindsIt() {
        try (McpSyncClient agent = client("alice")) {
            assertThat(agent.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("search_knowledge", "propose_knowledge");

            CallToolResult approved = agent.callTool(new McpSchema.CallToolRequest("propose_knowledge", Map.of(
                    "kind", "example", "question", "How many shipped orders?",
                    "sql", "SELECT count(*) FROM orders WHERE status = 'Shipped'", "status", "approved")));
            CallToolResult proposed = agent.callTool(new McpSchema.CallToolRequest("propose_knowledge", Map.of(
                    "kind", "example", "question", "How many shipped orders?",
                    "sql", "SELECT count(*) FROM orders WHERE status = 'Shipped'")));
            CallToolResult found = agent.callTool(new McpSchema.CallToolRequest("search_knowledge",
                    Map.of("query", "SHIPPED orders")));
            CallToolResult none = agent.callTool(new McpSchema.CallToolRequest("search_knowledge",
                    Map.of("query", "customers", "kind", "example")));

            // a proposal says nothing of its status: the tool's input schema has no such argument
            assertThat(approved.isError()).isTrue();
            assertThat(proposed.isError()).as(proposed.toString()).isFalse();
            KnowledgeEntry saved = BASE.entries("default").getFirst();
            assertThat(saved.status()).isEqualTo(KnowledgeEntry.PROPOSED);
            assertThat(saved.author()).isEqualTo("alice");
            assertThat(saved.approvedBy()).isNull();
            assertThat(found.isError()).isFalse();
            assertThat(((McpSchema.TextContent) found.content().getFirst()).text())
                    .isEqualTo("[example, proposed] " + saved.id() + ": How many shipped orders? => "
                            + "SELECT count(*) FROM orders WHERE status = 'Shipped'");
            assertThat(((Map<?, ?>) found.structuredContent()).get("total")).isEqualTo(1);
            assertThat(((Map<?, ?>) none.structuredContent()).get("total")).isEqualTo(0);
        }
    }

    @Test
    void aNoteIsProposedAndWhatTheGuardRefusesOrATermIsAnErrorResult() {
        try (McpSyncClient agent = client("bob")) {
            CallToolResult note = agent.callTool(new McpSchema.CallToolRequest("propose_knowledge", Map.of(
                    "kind", "doc", "note", "Shipped orders left the warehouse", "table", "orders")));
            CallToolResult refused = agent.callTool(new McpSchema.CallToolRequest("propose_knowledge", Map.of(
                    "kind", "example", "question", "Drop them", "sql", "DELETE FROM orders")));
            CallToolResult term = agent.callTool(new McpSchema.CallToolRequest("propose_knowledge", Map.of(
                    "kind", "term")));
            CallToolResult elsewhere = agent.callTool(new McpSchema.CallToolRequest("search_knowledge",
                    Map.of("datasource", "nowhere")));

            assertThat(note.isError()).as(note.toString()).isFalse();
            assertThat(refused.isError()).as(refused.toString()).isTrue();
            assertThat(((McpSchema.TextContent) refused.content().getFirst()).text()).startsWith("sql.");
            assertThat(term.isError()).as(term.toString()).isTrue();
            assertThat(((McpSchema.TextContent) term.content().getFirst()).text()).contains("example or doc");
            assertThat(elsewhere.isError()).isTrue();
            assertThat(BASE.entries("default")).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(KnowledgeEntry.DOC);
                assertThat(e.status()).isEqualTo(KnowledgeEntry.PROPOSED);
            });
        }
    }
}
