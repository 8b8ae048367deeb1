package io.dbchat.gateway.query;

import static io.dbchat.gateway.Fixtures.answered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.gateway.WebSliceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** {@code POST /api/chat/sql}: edited SQL runs past the translator as a new turn of its conversation, marked edited. */
class SqlControllerTest extends WebSliceTest {

    @Test
    void runsEditedSqlAsANewTurnOfTheConversationRecordedAsWrittenByThePerson() {
        pipeline.answerWith(q -> List.of(answered(q)));
        Map<?, ?> first = post("/api/chat/queries", Map.of("query", "How many orders?")).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        String conversationId = (String) first.get("conversation_id");
        // the person edits an answer they have seen: its turn is recorded by then
        await().atMost(Duration.ofSeconds(5)).until(() -> client.get().uri("/api/chat/conversations/{id}", conversationId)
                .exchange().expectBody(String.class).returnResult().getResponseBody().contains((String) first.get("query_id")));
        pipeline.answerWith(q -> List.of(edited(q)));

        Map<String, Object> accepted = post("/api/chat/sql", Map.of("sql", "  SELECT count(*) AS orders FROM orders WHERE status = 'new'  ",
                "conversation_id", conversationId, "edits", first.get("query_id")))
                .expectStatus().isAccepted().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        SqlProposed proposed = pipeline.proposed().getFirst();
        assertThat(proposed.sql()).isEqualTo("SELECT count(*) AS orders FROM orders WHERE status = 'new'");
        assertThat(proposed.attempt()).isEqualTo(1);
        assertThat(proposed.translator()).isEqualTo(TranslatorInfo.user("web"));
        assertThat(proposed.question().conversationId()).isEqualTo(conversationId);
        assertThat(proposed.question().replayOf()).isNull();
        assertThat(proposed.question().principal()).isEqualTo("anonymous");
        assertThat(accepted).containsEntry("conversation_id", conversationId)
                .containsEntry("query_id", proposed.queryId())
                .containsEntry("events_url", "/api/chat/queries/" + proposed.queryId() + "/events");
        assertThat(pipeline.submitted()).hasSize(1); // the translator never saw it

        await().atMost(Duration.ofSeconds(5)).until(() -> replies.find(proposed.queryId()).flatMap(v -> v.terminal()).isPresent());
        client.get().uri("/api/chat/queries/{id}", proposed.queryId()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("answered")
                .jsonPath("$.answer.edited").isEqualTo(true)
                .jsonPath("$.answer.translator").isEqualTo("user (web)");
        client.get().uri("/api/chat/conversations/{id}", conversationId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.turns.length()").isEqualTo(2)
                .jsonPath("$.turns[1].query_id").isEqualTo(proposed.queryId());
    }

    @Test
    void refusesEmptySqlAndAnEditOfAQueryThatIsNotATurnOfTheConversation() {
        post("/api/chat/sql", Map.of("sql", "  ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("The field 'sql' is required and must not be empty.");
        post("/api/chat/sql", Map.of("sql", "SELECT 1", "conversation_id", "never-started", "edits", "no-such-query"))
                .expectStatus().isNotFound();
        post("/api/chat/sql", Map.of("sql", "SELECT 1", "edits", "no-such-query")).expectStatus().isNotFound();
        post("/api/chat/sql", Map.of("sql", 42)).expectStatus().isBadRequest();

        assertThat(pipeline.proposed()).isEmpty();
    }

    @Test
    void refusesSqlOverItsSizeLimitWith413() {
        post("/api/chat/sql", Map.of("sql", "SELECT '" + "x".repeat(17_000) + "'")).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("payload_too_large");

        assertThat(pipeline.proposed()).isEmpty();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String uri, Map<String, ?> body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static ReplyEvent edited(io.dbchat.contracts.events.QuestionAsked q) {
        var answer = new FinalAnswer("There are 7 orders.", "SELECT count(*) AS orders FROM orders WHERE status = 'new'",
                List.of(new ColumnMeta("orders", "int8")), List.of(List.<Object>of(7)), 1, false, null,
                TranslatorInfo.user("web").label(), null);
        return ReplyEvent.fin(q, ReplySeq.interpreter(1), answer, Instant.now());
    }
}
