package io.dbchat.gateway.feedback;

import static io.dbchat.gateway.Fixtures.answered;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.FeedbackGiven;
import io.dbchat.gateway.WebSliceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class FeedbackControllerTest extends WebSliceTest {

    @Test
    void publishesTheVerdictOfTheQuerysOwnerWith202() {
        // the corrected SQL is proposed as an example, so the guard judges it against the schema
        schemas.put("default", io.dbchat.gateway.Fixtures.schema("default"));
        pipeline.answerWith(q -> List.of(answered(q)));
        Map<?, ?> accepted = client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?")).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();

        client.post().uri("/api/chat/queries/{id}/feedback", accepted.get("query_id")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "wrong", "corrected_sql", "SELECT 1", "comment", "off by one"))
                .exchange()
                .expectStatus().isAccepted();

        FeedbackGiven given = feedback.published().getFirst();
        assertThat(given.queryId()).isEqualTo(accepted.get("query_id"));
        assertThat(given.conversationId()).isEqualTo(accepted.get("conversation_id"));
        assertThat(given.principal()).isEqualTo("anonymous");
        assertThat(given.verdict()).isEqualTo("wrong");
        assertThat(given.correctedSql()).isEqualTo("SELECT 1");
        assertThat(given.comment()).isEqualTo("off by one");
        assertThat(given.v()).isEqualTo(FeedbackGiven.VERSION);
    }

    @Test
    void rejectsAVerdictOtherThanRightOrWrongWith400() {
        var queryId = client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?")).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("query_id");

        client.post().uri("/api/chat/queries/{id}/feedback", queryId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "meh")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_request");
        assertThat(feedback.published()).isEmpty();
    }

    @Test
    void answersFeedbackOnAnUnknownQueryWith404() {
        client.post().uri("/api/chat/queries/{id}/feedback", "no-such-query").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "right")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
        assertThat(feedback.published()).isEmpty();
    }
}
