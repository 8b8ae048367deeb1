package io.dbchat.standalone.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dbchat.contracts.serde.Json;
import io.dbchat.standalone.bench.model.OpenAiBodies;
import io.dbchat.standalone.infra.FreePort;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;

/**
 * The translator's model during a fault-injection run: an OpenAI-compatible chat-completions endpoint that
 * answers each of {@link Questions}' questions with its SQL after a fixed latency, so that calls are in flight
 * when a translator dies. Stopping it closes the port (callers see connection refused), starting it again
 * reopens the same port.
 */
final class ScriptedModel {

    private final int port = FreePort.pick();
    private final Duration latency;
    private HttpServer server;
    private ExecutorService executor;

    ScriptedModel(Duration latency) {
        this.latency = latency;
    }

    String openAiBaseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    synchronized ScriptedModel start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("the model's port " + port + " is taken", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            String sql = Questions.sqlFor(OpenAiBodies.lastUserMessage(body));
            Thread.sleep(latency);
            boolean streamed = body.path("stream").asBoolean(false);
            send(exchange, streamed ? "text/event-stream" : "application/json",
                    streamed ? OpenAiBodies.streamed(List.of(sql)) : OpenAiBodies.whole(sql));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
