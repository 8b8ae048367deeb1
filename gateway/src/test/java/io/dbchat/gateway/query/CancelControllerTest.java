package io.dbchat.gateway.query;

import static io.dbchat.gateway.Fixtures.answered;
import static io.dbchat.gateway.Fixtures.translating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.gateway.WebSliceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/** {@code POST /api/chat/queries/{id}/cancel}: a running query is cancelled once; an ended one is left alone. */
class CancelControllerTest extends WebSliceTest {

    @Test
    void cancelsARunningQueryWhichThenEndsWithTheCancelledReply() {
        pipeline.answerWith(q -> List.of(translating(q)));
        String queryId = submit();

        client.post().uri("/api/chat/queries/{id}/cancel", queryId).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.query_id").isEqualTo(queryId).jsonPath("$.status").isEqualTo("cancelling");

        QueryCancelled cancelled = pipeline.cancelled().getFirst();
        assertThat(cancelled.queryId()).isEqualTo(queryId);
        assertThat(cancelled.conversationId()).isEqualTo(pipeline.submitted().getFirst().conversationId());
        assertThat(cancelled.principal()).isEqualTo("anonymous");
        assertThat(cancelled.question()).as("so the interpreter can record the cancelled turn")
                .isEqualTo(pipeline.submitted().getFirst());
        List<ServerSentEvent<String>> events = client.get().uri("/api/chat/queries/{id}/events", queryId)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody()
                .filter(e -> e.event() != null).collectList().block(Duration.ofSeconds(5));
        assertThat(events).extracting(ServerSentEvent::event).containsExactly("status", "error");
        assertThat(events.getLast().data()).contains("\"code\":\"cancelled\"");
        client.get().uri("/api/chat/queries/{id}", queryId).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("failed").jsonPath("$.error.code").isEqualTo("cancelled");
    }

    @Test
    void cancellingAnEndedQueryChangesNothingAndCanBeRepeated() {
        pipeline.answerWith(q -> List.of(answered(q)));
        String queryId = submit();
        await().atMost(Duration.ofSeconds(5)).until(() -> replies.find(queryId).flatMap(v -> v.terminal()).isPresent());

        for (int i = 0; i < 2; i++) {
            client.post().uri("/api/chat/queries/{id}/cancel", queryId).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("answered").jsonPath("$.answer.reply").isEqualTo("There are 42 orders.");
        }
        assertThat(pipeline.cancelled()).isEmpty();
    }

    @Test
    void anUnknownQueryIs404() {
        client.post().uri("/api/chat/queries/{id}/cancel", "no-such-query").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("not_found");

        assertThat(pipeline.cancelled()).isEmpty();
    }

    private String submit() {
        Map<?, ?> accepted = client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "A slow question")).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        return (String) accepted.get("query_id");
    }
}
