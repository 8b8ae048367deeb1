package io.dbchat.standalone;

import io.dbchat.gateway.GatewayApplication;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second gateway on a running system's broker, in api-key mode ({@code alice} may ask every datasource,
 * {@code bob} only one that does not exist), reached with the MCP SDK's own Streamable HTTP client.
 */
final class McpGateway implements AutoCloseable {

    static final String ALICE = "alice-mcp-key";
    static final String BOB = "bob-mcp-key";
    private static final Duration READY = Duration.ofSeconds(60);

    private final ConfigurableApplicationContext context;
    private final int port;

    private McpGateway(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static McpGateway start(Map<String, String> infrastructure) {
        var properties = new java.util.LinkedHashMap<>(infrastructure);
        properties.put("dbchat.gateway.auth.mode", "api-key");
        properties.put("dbchat.gateway.auth.api-keys", ALICE + "=alice," + BOB + "=bob");
        properties.put("dbchat.gateway.auth.datasources.bob", "elsewhere");
        properties.put("dbchat.gateway.rate-limit.per-minute", "0");
        properties.put("server.port", "0");
        var gateway = new McpGateway(GatewayApplication.builder().run(
                Standalone.arguments(properties, List.of()).toArray(String[]::new)));
        try {
            gateway.awaitSchema();
            return gateway;
        } catch (RuntimeException | Error e) {
            gateway.close();
            throw e;
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** An initialized client sending {@code apiKey} (none when null), with its progress notifications to {@code progress}. */
    McpSyncClient client(String apiKey, Consumer<McpSchema.ProgressNotification> progress) {
        var request = HttpRequest.newBuilder();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        var transport = HttpClientStreamableHttpTransport.builder(url()).endpoint("/mcp").requestBuilder(request).build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).progressConsumer(progress).build();
    }

    /** A raw POST of an MCP initialize request, with {@code headers}; its status code. */
    int post(Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}"));
        headers.forEach(request::header);
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private void awaitSchema() {
        var request = HttpRequest.newBuilder(URI.create(url() + "/api/chat/schema-info/")).header("X-API-Key", ALICE).build();
        long deadline = System.nanoTime() + READY.toNanos();
        try (var http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        throw new AssertionError("no schema snapshot reached the MCP gateway within " + READY);
    }

    @Override
    public void close() {
        context.close();
    }
}
