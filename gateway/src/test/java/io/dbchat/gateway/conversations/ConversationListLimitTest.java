package io.dbchat.gateway.conversations;

import static io.dbchat.gateway.Fixtures.answered;

import io.dbchat.gateway.WebSliceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code GET /api/chat/conversations?limit=n}: the n most recent conversations; a limit out of range is a 400. */
class ConversationListLimitTest extends WebSliceTest {

    @Test
    void limitsTheListToTheMostRecentConversations() {
        pipeline.answerWith(q -> List.of(answered(q)));
        Map<?, ?> first = ask("First?");
        Map<?, ?> second = ask("Second?");
        Map<?, ?> third = ask("Third?");

        client.get().uri("/api/chat/conversations?limit=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].conversation_id").isEqualTo(third.get("conversation_id"));
        client.get().uri("/api/chat/conversations?limit=2").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].conversation_id").isEqualTo(second.get("conversation_id"));
        // without a limit, every conversation of the caller (other tests' included: the index outlives a test)
        client.get().uri("/api/chat/conversations").exchange().expectBody()
                .jsonPath("$.length()").value(n -> org.assertj.core.api.Assertions.assertThat((Integer) n).isGreaterThanOrEqualTo(3))
                .jsonPath("$[2].conversation_id").isEqualTo(first.get("conversation_id"));
    }

    @Test
    void refusesALimitThatIsNotAWholeNumberFromOneToAThousandWith400() {
        for (String limit : List.of("0", "1001", "-3", "ten")) {
            client.get().uri("/api/chat/conversations?limit=" + limit).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("invalid_request");
        }
    }

    private Map<?, ?> ask(String question) {
        return client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", question)).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
    }
}
