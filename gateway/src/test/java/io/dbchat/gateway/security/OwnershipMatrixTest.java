package io.dbchat.gateway.security;

import static io.dbchat.gateway.Fixtures.answered;
import static io.dbchat.gateway.Fixtures.translating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbchat.gateway.WebSliceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Principal A (alice) against principal B (bob) on every REST and SSE endpoint, in api-key mode: bob
 * gets exactly what an unknown id gets, a 404, and never alice's data. (The WebSocket side of the matrix
 * runs against a real server in TwoInstancesIntegrationTest.)
 */
@TestPropertySource(properties = {
        "dbchat.gateway.auth.mode=api-key",
        "dbchat.gateway.auth.api-keys=key-a=alice, key-b=bob",
        "dbchat.gateway.auth.datasources.bob=sales"})
class OwnershipMatrixTest extends WebSliceTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private String queryId;
    private String conversationId;

    @BeforeEach
    void aliceAsksAndIsAnswered() {
        pipeline.answerWith(q -> List.of(translating(q), answered(q)));
        Map<?, ?> accepted = as("key-a", client.post().uri("/api/chat/queries")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?"))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        queryId = (String) accepted.get("query_id");
        conversationId = (String) accepted.get("conversation_id");
        await().atMost(Duration.ofSeconds(5)).until(() -> replies.find(queryId).flatMap(v -> v.terminal()).isPresent());
    }

    @Test
    void aliceSeesHerQueryAndConversationEverywhere() {
        get("key-a", "/api/chat/queries/" + queryId).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("answered");
        get("key-a", "/api/chat/conversations/" + conversationId).expectStatus().isOk()
                .expectBody().jsonPath("$.turns[0].query_id").isEqualTo(queryId);
        get("key-a", "/api/chat/conversations").expectStatus().isOk()
                .expectBody().jsonPath("$[0].conversation_id").isEqualTo(conversationId);
        assertThat(events("key-a", "/api/chat/queries/" + queryId + "/events")).extracting(ServerSentEvent::event)
                .containsExactly("status", "final");
        assertThat(pipeline.submitted().getFirst().principal()).isEqualTo("alice");
    }

    @Test
    void bobGets404ForAlicesQueryState() {
        expectNotFound(get("key-b", "/api/chat/queries/" + queryId));
    }

    @Test
    void bobGets404ForAlicesQueryEvents() {
        expectNotFound(as("key-b", client.get().uri("/api/chat/queries/{id}/events", queryId))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange());
    }

    @Test
    void bobGets404ForAlicesConversationAndItsEvents() {
        expectNotFound(get("key-b", "/api/chat/conversations/" + conversationId));
        expectNotFound(as("key-b", client.get().uri("/api/chat/conversations/{id}/events", conversationId))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange());
    }

    @Test
    void bobsConversationListLeavesAlicesOut() {
        get("key-b", "/api/chat/conversations").expectStatus().isOk().expectBody().json("[]");
    }

    @Test
    void bobCannotDeleteAlicesConversation() {
        expectNotFound(as("key-b", client.delete().uri("/api/chat/conversations/{id}", conversationId)).exchange());

        get("key-a", "/api/chat/conversations/" + conversationId).expectStatus().isOk();
    }

    @Test
    void bobCannotAskWithinAlicesConversation() {
        expectNotFound(as("key-b", client.post().uri("/api/chat/queries")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "And hers?", "conversation_id", conversationId, "datasource", "sales"))
                .exchange());

        assertThat(pipeline.submitted()).hasSize(1);
    }

    @Test
    void bobCannotGiveFeedbackOnAlicesQuery() {
        expectNotFound(as("key-b", client.post().uri("/api/chat/queries/{id}/feedback", queryId))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("verdict", "wrong")).exchange());

        assertThat(feedback.published()).isEmpty();
    }

    @Test
    void bobCannotCancelAlicesQueryNorRunSqlInHerConversation() {
        expectNotFound(as("key-b", client.post().uri("/api/chat/queries/{id}/cancel", queryId)).exchange());
        expectNotFound(as("key-b", client.post().uri("/api/chat/sql")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sql", "SELECT 1", "conversation_id", conversationId, "datasource", "sales")).exchange());
        expectNotFound(as("key-b", client.post().uri("/api/chat/sql")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sql", "SELECT 1", "edits", queryId, "datasource", "sales")).exchange());

        assertThat(pipeline.cancelled()).isEmpty();
        assertThat(pipeline.proposed()).isEmpty();
    }

    @Test
    void theAccessEndpointSaysTheModeAndWhoTheCallerIs() {
        get("key-b", "/api/chat/access").expectStatus().isOk().expectBody()
                .jsonPath("$.mode").isEqualTo("api-key").jsonPath("$.principal").isEqualTo("bob");
        client.get().uri("/api/chat/access").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void bobMayAskOnlyHisDatasources() {
        var refused = as("key-b", client.post().uri("/api/chat/queries")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many employees?", "datasource", "default")).exchange();
        refused.expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        get("key-b", "/api/chat/schema-info/?datasource=default").expectStatus().isForbidden();

        as("key-b", client.post().uri("/api/chat/queries")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many sales?", "datasource", "sales")).exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void answersAMissingOrUnknownKeyWith401Problem() {
        client.get().uri("/api/chat/conversations").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
        get("no-such-key", "/api/chat/queries/" + queryId).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void acceptsTheKeyAsABearerToken() {
        client.get().uri("/api/chat/queries/{id}", queryId).header("Authorization", "Bearer key-a").exchange()
                .expectStatus().isOk();
    }

    private <S extends WebTestClient.RequestHeadersSpec<?>> S as(String key, S spec) {
        spec.header("X-API-Key", key);
        return spec;
    }

    private WebTestClient.ResponseSpec get(String key, String uri) {
        return as(key, client.get().uri(uri)).exchange();
    }

    private List<ServerSentEvent<String>> events(String key, String uri) {
        return as(key, client.get().uri(uri)).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(SSE).getResponseBody()
                .filter(e -> e.event() != null).collectList().block(Duration.ofSeconds(5));
    }

    private static void expectNotFound(WebTestClient.ResponseSpec response) {
        response.expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
    }
}
