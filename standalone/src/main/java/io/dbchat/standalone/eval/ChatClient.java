package io.dbchat.standalone.eval;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The gateway's synchronous chat API as the eval uses it: wait for a schema, then ask questions. */
public final class ChatClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Duration timeout;

    public ChatClient(int port, Duration timeout) {
        this.base = "http://127.0.0.1:" + port;
        this.timeout = timeout;
    }

    /** Waits until the gateway knows the datasource's schema (GET /api/chat/schema-info/ answers 200). */
    public void awaitSchema(Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/chat/schema-info/")).timeout(timeout).GET().build();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // the gateway may not listen yet: try again until the deadline
            }
            Thread.sleep(250);
        }
        throw new IOException("the pipeline published no schema within " + patience);
    }

    /** Asks {@code question}, in {@code conversationId}'s conversation when given; the answer's JSON body. */
    JsonNode ask(String question, String conversationId) throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("query", question);
        if (conversationId != null) {
            body.put("conversation_id", conversationId);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/chat/query/")).timeout(timeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the gateway answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }
}
