package io.dbchat.gateway.knowledge;

import static io.dbchat.gateway.Fixtures.answered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.gateway.Fixtures;
import io.dbchat.gateway.WebSliceTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The knowledge API in api-key mode: alice proposes, boss is the configured admin; every save's SQL goes through the
 * guard; a feedback mark proposes from the answer it judges.
 */
@TestPropertySource(properties = {
        "dbchat.gateway.auth.mode=api-key",
        "dbchat.gateway.auth.api-keys=key-a=alice, key-b=bob, key-boss=boss",
        "dbchat.gateway.knowledge.admins=boss"})
class KnowledgeControllerTest extends WebSliceTest {

    private static final String ENTRIES = "/api/knowledge/default/entries";

    @BeforeEach
    void schemaIsPublished() {
        // the guard's first parse loads JSqlParser, which takes a while on a loaded machine
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        schemas.put("default", Fixtures.schema("default"));
    }

    @Test
    void anyoneProposesAnExampleWhichIsListedAsProposedWithItsAuthor() {
        create("key-a", example("How many orders?", "SELECT count(*) FROM orders")).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("proposed").jsonPath("$.author").isEqualTo("alice")
                .jsonPath("$.revision").isEqualTo(1).jsonPath("$.id").isNotEmpty();

        as("key-b", client.get().uri(ENTRIES + "?kind=example&status=proposed")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.entries[0].question").isEqualTo("How many orders?")
                .jsonPath("$.entries[0].sql").isEqualTo("SELECT count(*) FROM orders");
        as("key-b", client.get().uri(ENTRIES + "?status=approved")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void onlyAnAdminApprovesAndTheApprovalIsOneRevisionMore() {
        String id = idOf(create("key-a", example("How many orders?", "SELECT count(*) FROM orders")));

        expectForbidden(as("key-a", client.post().uri(ENTRIES + "/{id}/approve", id)).exchange());
        as("key-boss", client.post().uri(ENTRIES + "/{id}/approve", id)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved").jsonPath("$.approved_by").isEqualTo("boss")
                .jsonPath("$.author").isEqualTo("alice").jsonPath("$.revision").isEqualTo(2);
        assertThat(knowledge.find("default", id)).get().extracting(KnowledgeEntry::approved).isEqualTo(true);
    }

    @Test
    void onlyAnAdminSavesApprovedEditsAnApprovedEntryOrDeletes() {
        expectForbidden(create("key-a", with(example("Orders?", "SELECT count(*) FROM orders"), "status", "approved")));
        String id = idOf(create("key-boss", with(example("Orders?", "SELECT count(*) FROM orders"), "status", "approved")));

        expectForbidden(update("key-a", id, example("Orders?", "SELECT id FROM orders")));
        expectForbidden(as("key-a", client.delete().uri(ENTRIES + "/{id}", id)).exchange());
        update("key-boss", id, example("Orders?", "SELECT id FROM orders")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved").jsonPath("$.sql").isEqualTo("SELECT id FROM orders");
        as("key-boss", client.delete().uri(ENTRIES + "/{id}", id)).exchange().expectStatus().isNoContent();
        as("key-a", client.get().uri(ENTRIES + "/{id}", id)).exchange().expectStatus().isNotFound();
    }

    @Test
    void aProposalIsEditedByItsAuthorOnlyAndAStaleRevisionIsA409() {
        String id = idOf(create("key-a", example("Orders?", "SELECT count(*) FROM orders")));

        expectForbidden(update("key-b", id, example("Orders?", "SELECT id FROM orders")));
        update("key-a", id, with(example("Orders?", "SELECT id FROM orders"), "revision", 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.revision").isEqualTo(2);
        update("key-a", id, with(example("Orders?", "SELECT 1 FROM orders"), "revision", 1)).expectStatus().isEqualTo(409);
    }

    @Test
    void rejectsWhatAnEntryLacksWith400NamingIt() {
        expectInvalid(create("key-a", Map.of("kind", "recipe")), "Unknown kind 'recipe'");
        expectInvalid(create("key-a", Map.of("question", "Orders?")), "'kind' is required");
        expectInvalid(create("key-a", Map.of("kind", "example", "question", "Orders?")), "'sql' is required for an example");
        expectInvalid(create("key-a", Map.of("kind", "term", "definition", "money")), "'name' is required for a term");
        expectInvalid(create("key-a", Map.of("kind", "doc", "table", "orders")), "'note' is required");
        expectInvalid(create("key-a", Map.of("kind", "term", "name", "revenue", "expression", "sum(orders.id)")),
                "needs 'table'");
        expectInvalid(as("key-a", client.get().uri(ENTRIES + "?kind=recipe")).exchange(), "Unknown kind");
        create("key-a", with(example("Orders?", "SELECT 1 FROM orders"), "id", "bad id!")).expectStatus().isBadRequest();
        as("key-a", client.post().uri("/api/knowledge/nowhere/entries")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(example("Orders?", "SELECT 1 FROM orders")).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("Unknown datasource 'nowhere'.");
    }

    @Test
    void refusesAtTheDoorWhatTheGuardRefuses() {
        create("key-a", example("Drop it", "DELETE FROM orders")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").value(code -> assertThat((String) code).startsWith("sql."))
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("The example's SQL is refused by the SQL guard"));
        create("key-a", example("Secrets", "SELECT * FROM pg_authid")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").value(code -> assertThat((String) code).startsWith("sql."));
        create("key-a", Map.of("kind", "term", "name", "slow", "expression", "pg_sleep(10)", "table", "orders"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).startsWith("The term's expression is refused"));
        expectInvalid(create("key-a", Map.of("kind", "term", "name", "sneaky", "expression", "1 FROM pg_authid --",
                "table", "orders")), "not one SQL expression");
        create("key-a", Map.of("kind", "doc", "note", "x", "table", "orders", "column", "secret")).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.code").isEqualTo("sql.column_not_allowed");
        assertThat(knowledge.entries("default")).isEmpty();
    }

    @Test
    void acceptsATermWithAMeasureOrAConditionOverItsTable() {
        create("key-a", Map.of("kind", "term", "name", "shipped orders", "synonyms", List.of("sent orders"),
                "expression", "orders.status = 'Shipped'", "expression_kind", "condition", "table", "orders"))
                .expectStatus().isCreated().expectBody().jsonPath("$.synonyms[0]").isEqualTo("sent orders");
        create("key-a", Map.of("kind", "term", "name", "order count", "expression", "count(orders.id)", "table", "orders"))
                .expectStatus().isCreated().expectBody().jsonPath("$.expression_kind").isEqualTo("measure");
    }

    @Test
    void markingAnAnswerRightProposesItsQuestionAndSqlOnce() {
        String queryId = askAndAnswer("key-a");

        feedback("key-a", queryId, Map.of("verdict", "right")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.proposed[0].id").isEqualTo("right-" + queryId)
                .jsonPath("$.proposed[0].kind").isEqualTo("example");
        feedback("key-a", queryId, Map.of("verdict", "right")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.proposed").isEmpty();

        KnowledgeEntry proposed = knowledge.find("default", "right-" + queryId).orElseThrow();
        assertThat(proposed.status()).isEqualTo(KnowledgeEntry.PROPOSED);
        assertThat(proposed.question()).isEqualTo("How many orders?");
        assertThat(proposed.sql()).isEqualTo("SELECT count(*) AS orders FROM orders");
        assertThat(proposed.author()).isEqualTo("alice");
        assertThat(proposed.sourceQueryId()).isEqualTo(queryId);
        assertThat(feedback.published()).hasSize(2);
    }

    @Test
    void markingRightAnAnswerFromAnApprovedExampleOrTheCacheOfAProposedOneProposesNothing() {
        String fromExample = askAndAnswer("key-a", SqlSource.example("e-1", "answered from the verified example"));
        feedback("key-a", fromExample, Map.of("verdict", "right")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.proposed").isEmpty();

        String original = askAndAnswer("key-a");
        feedback("key-a", original, Map.of("verdict", "right")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.proposed[0].id").isEqualTo("right-" + original);
        String fromCache = askAndAnswer("key-a", SqlSource.cache(original, null, "reused the SQL"));
        feedback("key-a", fromCache, Map.of("verdict", "right")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.proposed").isEmpty();

        String fromOtherCache = askAndAnswer("key-a", SqlSource.cache("q-never-proposed", null, "reused the SQL"));
        feedback("key-a", fromOtherCache, Map.of("verdict", "right")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.proposed[0].id").isEqualTo("right-" + fromOtherCache);
        assertThat(knowledge.entries("default")).extracting(KnowledgeEntry::id)
                .containsExactlyInAnyOrder("right-" + original, "right-" + fromOtherCache);
    }

    @Test
    void markingAnAnswerWrongProposesTheRightSqlAndTheNote() {
        String queryId = askAndAnswer("key-a");

        feedback("key-a", queryId, Map.of("verdict", "wrong", "corrected_sql", "SELECT count(*) FROM customers",
                "comment", "Orders means customers here")).expectStatus().isAccepted();

        assertThat(knowledge.find("default", "fix-" + queryId)).get()
                .extracting(KnowledgeEntry::kind, KnowledgeEntry::sql, KnowledgeEntry::question)
                .containsExactly("example", "SELECT count(*) FROM customers", "How many orders?");
        assertThat(knowledge.find("default", "note-" + queryId)).get()
                .extracting(KnowledgeEntry::kind, KnowledgeEntry::note, KnowledgeEntry::sourceQueryId)
                .containsExactly("doc", "Orders means customers here", queryId);
    }

    @Test
    void aCorrectionTheGuardRefusesRefusesTheFeedbackAtTheDoor() {
        String queryId = askAndAnswer("key-a");

        feedback("key-a", queryId, Map.of("verdict", "wrong", "corrected_sql", "DELETE FROM orders"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").value(code -> assertThat((String) code).startsWith("sql."));

        assertThat(knowledge.entries("default")).isEmpty();
        assertThat(feedback.published()).isEmpty();
    }

    private String askAndAnswer(String key) {
        return askAndAnswer(key, null);
    }

    /** Asks and has the question answered, its SQL from {@code source} (null: the translator's own). */
    private String askAndAnswer(String key, SqlSource source) {
        pipeline.answerWith(q -> {
            ReplyEvent fin = answered(q);
            FinalAnswer a = fin.answer();
            return List.of(ReplyEvent.fin(q, fin.seq(), new FinalAnswer(a.reply(), a.sql(), a.columns(), a.rows(),
                    a.rowCount(), a.truncated(), a.chart(), a.translator(), a.problem(), a.understanding(), a.display(),
                    source), fin.at()));
        });
        Map<?, ?> accepted = as(key, client.post().uri("/api/chat/queries")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "How many orders?")).exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        String queryId = (String) accepted.get("query_id");
        await().atMost(Duration.ofSeconds(10)).until(() -> replies.find(queryId).flatMap(v -> v.terminal()).isPresent());
        return queryId;
    }

    private WebTestClient.ResponseSpec feedback(String key, String queryId, Map<String, ?> body) {
        return as(key, client.post().uri("/api/chat/queries/{id}/feedback", queryId))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec create(String key, Map<String, ?> body) {
        return as(key, client.post().uri(ENTRIES)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec update(String key, String id, Map<String, ?> body) {
        return as(key, client.put().uri(ENTRIES + "/{id}", id)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private static String idOf(WebTestClient.ResponseSpec created) {
        return (String) created.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static Map<String, Object> example(String question, String sql) {
        return Map.of("kind", "example", "question", question, "sql", sql);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> out = new HashMap<>(body);
        out.put(field, value);
        return out;
    }

    private static void expectForbidden(WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
    }

    private static void expectInvalid(WebTestClient.ResponseSpec response, String saying) {
        response.expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid_request")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains(saying));
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S as(String key, S spec) {
        spec.header("X-API-Key", key);
        return spec;
    }
}
