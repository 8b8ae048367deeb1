package io.dbchat.gateway.query;

import static io.dbchat.gateway.Fixtures.answered;
import static io.dbchat.gateway.Fixtures.failed;
import static io.dbchat.gateway.Fixtures.translating;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.gateway.WebSliceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ChatControllerTest extends WebSliceTest {

    @Test
    void answersSynchronouslyWithTheFinalReply() {
        pipeline.answerWith(q -> List.of(translating(q), answered(q)));

        client.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reply").isEqualTo("There are 42 orders.")
                .jsonPath("$.conversation_id").isEqualTo(pipeline.submitted().getFirst().conversationId())
                .jsonPath("$.query_id").isEqualTo(pipeline.submitted().getFirst().queryId())
                .jsonPath("$.sql").isEqualTo("SELECT count(*) AS orders FROM orders")
                .jsonPath("$.columns[0]").isEqualTo("orders")
                .jsonPath("$.column_types[0]").isEqualTo("int8")
                .jsonPath("$.display.kinds[0]").isEqualTo("number")
                .jsonPath("$.display.cells[0][0]").isEqualTo("42")
                .jsonPath("$.rows[0][0]").isEqualTo(42)
                .jsonPath("$.row_count").isEqualTo(1)
                .jsonPath("$.truncated").isEqualTo(false)
                .jsonPath("$.translator").isEqualTo("offline (rules)");
    }

    @Test
    void fillsInConversationDatasourceAndPrincipalWhenAbsent() {
        pipeline.answerWith(q -> List.of(answered(q)));

        client.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "  How many orders?  "))
                .exchange()
                .expectStatus().isOk();

        QuestionAsked asked = pipeline.submitted().getFirst();
        assertThat(asked.conversationId()).isNotBlank();
        assertThat(asked.datasource()).isEqualTo("default");
        assertThat(asked.principal()).isEqualTo("anonymous");
        assertThat(asked.question()).isEqualTo("How many orders?");
        assertThat(asked.v()).isEqualTo(QuestionAsked.VERSION);
    }

    @Test
    void answersAPipelineErrorWith502AndItsProblem() {
        pipeline.answerWith(q -> List.of(translating(q), failed(q)));

        client.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "Show table nope"))
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectBody()
                .jsonPath("$.code").isEqualTo("sql_failed")
                .jsonPath("$.message").isEqualTo("relation \"nope\" does not exist");
    }

    @Test
    void answersWith504AndTheEventsUrlWhenTheAnswerIsLate() {
        pipeline.answerWith(q -> List.of(translating(q)));

        var body = client.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "A slow question"))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();

        String events = "/api/chat/queries/" + pipeline.submitted().getFirst().queryId() + "/events";
        assertThat(body).containsEntry("code", "timeout");
        assertThat((String) body.get("message")).contains("still being worked on").contains(events);
    }

    @Test
    void answersWith503WhenThePipelineCannotTakeTheQuestion() {
        pipeline.refuse();

        client.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("unavailable");
    }

    @Test
    void acceptsAnAsynchronousQuestionWith202AndWhereToFollowIt() {
        var body = client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?"))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();

        QuestionAsked asked = pipeline.submitted().getFirst();
        assertThat(body).containsEntry("query_id", asked.queryId())
                .containsEntry("conversation_id", asked.conversationId())
                .containsEntry("events_url", "/api/chat/queries/" + asked.queryId() + "/events");
    }

    @Test
    void continuesTheCallersConversation() {
        pipeline.answerWith(q -> List.of(answered(q)));
        var first = client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?"))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();

        client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "And per customer?", "conversation_id", first.get("conversation_id")))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.conversation_id").isEqualTo(first.get("conversation_id"));

        assertThat(pipeline.submitted()).extracting(QuestionAsked::conversationId).containsOnly((String) first.get("conversation_id"));
    }

    @Test
    void answersAConversationOfAnotherPrincipalWith404AndSubmitsNothing(
            @org.springframework.beans.factory.annotation.Autowired org.redisson.api.RedissonClient redisson) {
        String theirs = "theirs-" + java.util.UUID.randomUUID();
        new io.dbchat.conversations.ConversationClaims(redisson, io.dbchat.conversations.ConversationsProperties.defaults(),
                java.time.Clock.systemUTC()).claim(theirs, "alice").toCompletableFuture().join();

        client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?", "conversation_id", theirs))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");

        assertThat(pipeline.submitted()).isEmpty();
    }

    @Test
    void refusesSubmissionsOverTheRateLimitWith429AndRetryAfter() {
        limiter.refuse(java.time.Duration.ofSeconds(7));

        client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?"))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.code").isEqualTo("rate_limited");

        assertThat(pipeline.submitted()).isEmpty();
    }

    @Test
    void reportsAQuerysStateAndFinalAnswer() {
        pipeline.answerWith(q -> List.of(translating(q), answered(q)));
        client.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?")).exchange().expectStatus().isOk();
        String queryId = pipeline.submitted().getFirst().queryId();

        client.get().uri("/api/chat/queries/{id}", queryId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.query_id").isEqualTo(queryId)
                .jsonPath("$.question").isEqualTo("How many orders?")
                .jsonPath("$.status").isEqualTo("answered")
                .jsonPath("$.stage").isEqualTo("translating")
                .jsonPath("$.answer.rows[0][0]").isEqualTo(42);
    }

    @Test
    void reportsAnUnansweredQueryAsPending() {
        var body = client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?"))
                .exchange().expectBody(Map.class).returnResult().getResponseBody();

        client.get().uri("/api/chat/queries/{id}", body.get("query_id"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("pending");
    }

    @Test
    void answersAnUnknownQueryStateWith404() {
        client.get().uri("/api/chat/queries/no-such-query")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
    }
}
