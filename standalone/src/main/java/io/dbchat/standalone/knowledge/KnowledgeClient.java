package io.dbchat.standalone.knowledge;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** The gateway's knowledge API as the command uses it; a 4xx or 5xx is an {@link IOException} with the server's message. */
final class KnowledgeClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String apiKey;

    KnowledgeClient(URI gateway, String apiKey) {
        this.base = gateway;
        this.apiKey = apiKey;
    }

    List<Map<String, Object>> list(String datasource, String kind, String status) throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("?");
        if (kind != null) {
            query.append("kind=").append(kind).append('&');
        }
        if (status != null) {
            query.append("status=").append(status);
        }
        JsonNode body = send(request(entries(datasource) + query).GET());
        return Json.MAPPER.convertValue(body.get("entries"), new TypeReference<>() {
        });
    }

    /** Saves an entry: replaced under its id when it has one, added otherwise. */
    void save(String datasource, Map<String, Object> entry) throws IOException, InterruptedException {
        String body = Json.MAPPER.writeValueAsString(entry);
        Object id = entry.get("id");
        HttpRequest.Builder request = id == null ? request(entries(datasource)).POST(HttpRequest.BodyPublishers.ofString(body))
                : request(entries(datasource) + "/" + encode(id.toString())).PUT(HttpRequest.BodyPublishers.ofString(body));
        send(request.header("content-type", "application/json"));
    }

    private String entries(String datasource) {
        return "api/knowledge/" + encode(datasource) + "/entries";
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("accept", "application/json");
        return apiKey == null ? request : request.header("X-API-Key", apiKey);
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? null : Json.MAPPER.readTree(response.body());
        if (response.statusCode() >= 300) {
            String message = body != null && body.hasNonNull("message") ? body.get("message").asString() : response.body();
            throw new IOException("the gateway answered " + response.statusCode() + ": " + message);
        }
        return body;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
