package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.query.ReplyMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/** Talks to a running gateway the way clients do: JSON over HTTP and a real SSE client. */
final class PipelineClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    private final WebTestClient http;
    private final WebClient sse;

    PipelineClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = WebTestClient.bindToServer().baseUrl(base).responseTimeout(TIMEOUT).build();
        this.sse = WebClient.create(base);
    }

    /** Waits until the gateway has seen a schema snapshot, so questions are not asked of an unknown database. */
    void awaitSchema() {
        long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            // the body is read, not left on the connection: an unread response keeps its pooled connection busy
            var status = http.get().uri("/api/chat/schema-info/").exchange().expectBody().returnResult().getStatus();
            if (status.is2xxSuccessful()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("no schema snapshot reached the gateway within " + TIMEOUT);
    }

    void refreshSchema() {
        http.post().uri("/api/chat/schema/refresh").exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.datasource").exists();
    }

    /** Waits until schema-info shows what {@code done} looks for. */
    void awaitSchema(java.util.function.Predicate<JsonNode> done) {
        long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (done.test(schemaInfo())) {
                return;
            }
            sleep();
        }
        throw new AssertionError("schema-info did not show the change within " + TIMEOUT);
    }

    /** The Prometheus exposition of the process's meters (every stage's, in the all-in-one): larger than a codec buffers. */
    String metrics() {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/actuator/prometheus"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonNode schemaInfo() {
        byte[] body = http.get().uri("/api/chat/schema-info/").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return Json.MAPPER.readTree(body);
    }

    JsonNode ask(String question) {
        return ask(question, null);
    }

    JsonNode ask(String question, String conversationId) {
        byte[] body = http.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(question, conversationId))
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return Json.MAPPER.readTree(body);
    }

    String submit(String question) {
        byte[] body = http.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(question, null))
                .exchange().expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody();
        String queryId = Json.MAPPER.readTree(body).path("query_id").asString();
        assertThat(queryId).isNotBlank();
        return queryId;
    }

    /** Every event of a query, read with a real SSE client until the stream completes. */
    List<ReplyMessage> events(String queryId) {
        return sse.get().uri("/api/chat/queries/{id}/events", queryId).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(e -> e.data() != null)
                .map(e -> Json.MAPPER.readValue(e.data(), ReplyMessage.class))
                .collectList().block(TIMEOUT);
    }

    private static Map<String, String> request(String question, String conversationId) {
        return conversationId == null ? Map.of("query", question) : Map.of("query", question, "conversation_id", conversationId);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
