package io.dbchat.gateway.conversations;

import static io.dbchat.gateway.Fixtures.answered;
import static io.dbchat.gateway.Fixtures.translating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.gateway.WebSliceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

class ConversationControllerTest extends WebSliceTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Test
    void listsTheCallersConversationsNewestFirstTitledByTheirFirstQuestion() {
        pipeline.answerWith(q -> List.of(answered(q)));
        Map<?, ?> first = ask("  How many orders?  ", null);
        ask("And per customer?", (String) first.get("conversation_id"));
        Map<?, ?> second = ask("Who is the best customer?", null);
        awaitRecorded((String) second.get("conversation_id"), 1);
        awaitRecorded((String) first.get("conversation_id"), 2);

        client.get().uri("/api/chat/conversations").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].conversation_id").isEqualTo(second.get("conversation_id"))
                .jsonPath("$[1].conversation_id").isEqualTo(first.get("conversation_id"))
                .jsonPath("$[1].title").isEqualTo("How many orders?")
                .jsonPath("$[1].last_question").isEqualTo("And per customer?")
                .jsonPath("$[1].query_count").isEqualTo(2)
                .jsonPath("$[1].updated_at").isNotEmpty();
    }

    @Test
    void showsEveryTurnWithItsReplySqlAndStatus() {
        pipeline.answerWith(q -> List.of(translating(q), answered(q)));
        Map<?, ?> accepted = ask("How many orders?", null);
        String conversationId = (String) accepted.get("conversation_id");
        awaitAnswered((String) accepted.get("query_id"));

        client.get().uri("/api/chat/conversations/{id}", conversationId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.conversation_id").isEqualTo(conversationId)
                .jsonPath("$.turns[0].query_id").isEqualTo(accepted.get("query_id"))
                .jsonPath("$.turns[0].question").isEqualTo("How many orders?")
                .jsonPath("$.turns[0].reply").isEqualTo("There are 42 orders.")
                .jsonPath("$.turns[0].sql").isEqualTo("SELECT count(*) AS orders FROM orders")
                .jsonPath("$.turns[0].status").isEqualTo("answered")
                .jsonPath("$.turns[0].asked_at").isNotEmpty()
                .jsonPath("$.turns[0].answer.columns[0].name").isEqualTo("orders")
                .jsonPath("$.turns[0].answer.rows[0][0]").isEqualTo(42)
                .jsonPath("$.turns[0].rows_kept").isEqualTo(true);
    }

    @Test
    void aTurnShowsTheOwnersEarlierMarkWhenReopened() {
        pipeline.answerWith(q -> List.of(answered(q)));
        Map<?, ?> accepted = ask("How many orders?", null);
        String conversationId = (String) accepted.get("conversation_id");
        awaitRecorded(conversationId, 1);

        client.post().uri("/api/chat/queries/{id}/feedback", accepted.get("query_id")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "wrong", "conversation_id", conversationId)).exchange()
                .expectStatus().isAccepted();

        client.get().uri("/api/chat/conversations/{id}", conversationId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.turns[0].verdict").isEqualTo("wrong");
    }

    @Test
    void anUnknownIdChosenByTheClientStartsANewConversationOfTheCaller() {
        pipeline.answerWith(q -> List.of(answered(q)));
        String chosen = "my-own-" + java.util.UUID.randomUUID();

        Map<?, ?> accepted = ask("How many orders?", chosen);
        ask("And per customer?", chosen);

        assertThat(accepted.get("conversation_id")).isEqualTo(chosen);
        awaitRecorded(chosen, 2);
        client.get().uri("/api/chat/conversations/{id}", chosen).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.turns[1].question").isEqualTo("And per customer?");
    }

    @Test
    void theQuestionThatOpensAConversationSaysItHasNoEarlierTurnsAndAFollowUpLeavesThemToBeRead() {
        pipeline.answerWith(q -> List.of(answered(q)));
        String chosen = "opened-" + java.util.UUID.randomUUID();

        Map<?, ?> generated = ask("How many orders?", null);
        Map<?, ?> first = ask("How many orders?", chosen);
        awaitRecorded(chosen, 1);
        Map<?, ?> followUp = ask("And per customer?", chosen);

        assertThat(submitted(generated).history()).isEmpty();
        assertThat(submitted(first).history()).isEmpty();
        assertThat(submitted(followUp).history()).isNull();
    }

    private QuestionAsked submitted(Map<?, ?> accepted) {
        return pipeline.submitted().stream().filter(q -> q.queryId().equals(accepted.get("query_id"))).findFirst()
                .orElseThrow();
    }

    @Test
    void aBrandNewConversationIsTheCallersBeforeItsFirstAnswerWithItsQuestionPending() {
        pipeline.answerWith(q -> List.of(translating(q)));
        Map<?, ?> accepted = ask("How many orders?", null);
        String conversationId = (String) accepted.get("conversation_id");

        client.get().uri("/api/chat/conversations/{id}", conversationId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.turns.length()").isEqualTo(1)
                .jsonPath("$.turns[0].query_id").isEqualTo(accepted.get("query_id"))
                .jsonPath("$.turns[0].question").isEqualTo("How many orders?")
                .jsonPath("$.turns[0].status").isEqualTo("pending");
    }

    @Test
    void pagesTheListWithLimitAndOffset() {
        pipeline.answerWith(q -> List.of(answered(q)));
        String older = (String) ask("How many orders?", null).get("conversation_id");
        awaitRecorded(older, 1);
        String newer = (String) ask("How many customers?", null).get("conversation_id");
        awaitRecorded(newer, 1);

        client.get().uri("/api/chat/conversations?limit=1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].conversation_id").isEqualTo(newer);
        client.get().uri("/api/chat/conversations?limit=1&offset=1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].conversation_id").isEqualTo(older);
        client.get().uri("/api/chat/conversations?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_request");
        client.get().uri("/api/chat/conversations?limit=ten").exchange().expectStatus().isBadRequest();
    }

    @Test
    void deletesAConversationSoItLeavesEveryView() {
        Map<?, ?> accepted = ask("How many orders?", null);
        String conversationId = (String) accepted.get("conversation_id");

        client.delete().uri("/api/chat/conversations/{id}", conversationId).exchange().expectStatus().isNoContent();

        client.get().uri("/api/chat/conversations/{id}", conversationId).exchange().expectStatus().isNotFound();
        client.get().uri("/api/chat/conversations").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.conversation_id == '" + conversationId + "')]").doesNotExist();
        client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "More?", "conversation_id", conversationId)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("Conversation '" + conversationId + "' was deleted.");
        client.delete().uri("/api/chat/conversations/{id}", conversationId).exchange().expectStatus().isNotFound();
    }

    @Test
    void streamsTheRepliesOfEveryQueryOfAConversationAndResumesAfterAnId() {
        pipeline.answerWith(q -> List.of(translating(q), answered(q)));
        Map<?, ?> first = ask("How many orders?", null);
        String conversationId = (String) first.get("conversation_id");
        Map<?, ?> second = ask("And per customer?", conversationId);
        awaitAnswered((String) second.get("query_id"));

        List<ServerSentEvent<String>> all = conversationEvents(conversationId, null, 4);
        assertThat(all).extracting(ServerSentEvent::id).containsExactly(
                first.get("query_id") + ":" + ReplySeq.translating(1), first.get("query_id") + ":" + ReplySeq.interpreter(1),
                second.get("query_id") + ":" + ReplySeq.translating(1), second.get("query_id") + ":" + ReplySeq.interpreter(1));

        List<ServerSentEvent<String>> resumed = conversationEvents(conversationId, all.get(2).id(), 1);
        assertThat(resumed).extracting(ServerSentEvent::id).containsExactly(all.get(3).id());
    }

    @Test
    void rejectsAConversationLastEventIdWithoutASeqWith400() {
        String conversationId = (String) ask("How many orders?", null).get("conversation_id");

        client.get().uri("/api/chat/conversations/{id}/events", conversationId).accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", "nonsense").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_request");
    }

    private List<ServerSentEvent<String>> conversationEvents(String conversationId, String lastEventId, int count) {
        return client.get().uri("/api/chat/conversations/{id}/events", conversationId).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange().expectStatus().isOk().returnResult(SSE).getResponseBody()
                .filter(e -> e.event() != null).take(count).collectList().block(Duration.ofSeconds(5));
    }

    private Map<?, ?> ask(String question, String conversationId) {
        Map<String, String> body = conversationId == null ? Map.of("query", question)
                : Map.of("query", question, "conversation_id", conversationId);
        return client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
    }

    private void awaitRecorded(String conversationId, int turns) {
        await().atMost(Duration.ofSeconds(5)).until(() -> client.get().uri("/api/chat/conversations/{id}", conversationId)
                .exchange().expectBody(Map.class).returnResult().getResponseBody(),
                view -> view != null && view.get("turns") instanceof List<?> t && t.size() == turns);
    }

    private void awaitAnswered(String queryId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> replies.find(queryId).flatMap(v -> v.terminal()).isPresent());
    }
}
