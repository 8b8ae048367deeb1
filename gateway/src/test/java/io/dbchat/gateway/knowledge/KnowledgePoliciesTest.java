package io.dbchat.gateway.knowledge;

import io.dbchat.gateway.Fixtures;
import io.dbchat.gateway.TestTokens;
import io.dbchat.gateway.WebSliceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The knowledge API with JWTs and access policies: the guard judges an entry under the saver's own policies (orders'
 * status is for the hr role only), and a token whose roles claim holds admin approves.
 */
@TestPropertySource(properties = {
        "dbchat.gateway.auth.mode=jwt",
        "dbchat.gateway.auth.jwt.secret=" + KnowledgePoliciesTest.SECRET,
        "dbchat.policy.file=src/test/resources/policy/gateway-policies.yml"})
class KnowledgePoliciesTest extends WebSliceTest {

    static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
    private static final String ENTRIES = "/api/knowledge/default/entries";
    private static final Map<String, Object> READS_STATUS = Map.of("kind", "example",
            "question", "Orders per status?", "sql", "SELECT status, count(*) FROM orders GROUP BY status");

    @BeforeEach
    void schemaIsPublished() {
        // the guard's first parse loads JSqlParser, which takes a while on a loaded machine
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        schemas.put("default", Fixtures.schema("default"));
    }

    @Test
    void refusesAnEntryReadingAColumnTheSaverMayNotRead() throws Exception {
        create(TestTokens.hs256(SECRET, "dave", Map.of()), READS_STATUS).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("sql.column_not_allowed");

        create(TestTokens.hs256(SECRET, "erin", Map.of("roles", List.of("hr"))), READS_STATUS)
                .expectStatus().isCreated();
    }

    @Test
    void anEntryReadingWhatTheReadersPoliciesHideIsNeitherListedNorShown() throws Exception {
        String hr = TestTokens.hs256(SECRET, "erin", Map.of("roles", List.of("hr")));
        String id = (String) create(hr, READS_STATUS).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
        create(hr, Map.of("kind", "example", "question", "Orders?", "sql", "SELECT count(*) FROM orders"))
                .expectStatus().isCreated();
        String dave = TestTokens.hs256(SECRET, "dave", Map.of());

        client.get().uri(ENTRIES).header("Authorization", "Bearer " + dave).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.entries[0].question").isEqualTo("Orders?");
        client.get().uri(ENTRIES + "/{id}", id).header("Authorization", "Bearer " + dave).exchange()
                .expectStatus().isNotFound();
        client.get().uri(ENTRIES + "/{id}", id).header("Authorization", "Bearer " + hr).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aTokenWithTheAdminRoleApprovesAndTheApprovalIsJudgedUnderTheApproversPolicies() throws Exception {
        String hr = TestTokens.hs256(SECRET, "erin", Map.of("roles", List.of("hr")));
        String id = (String) create(hr, READS_STATUS).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");

        approve(hr, id).expectStatus().isForbidden();
        approve(TestTokens.hs256(SECRET, "boss", Map.of("roles", List.of("admin"))), id).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("sql.column_not_allowed");
        approve(TestTokens.hs256(SECRET, "boss", Map.of("roles", List.of("admin", "hr"))), id).expectStatus().isOk()
                .expectBody().jsonPath("$.approved_by").isEqualTo("boss");
    }

    private WebTestClient.ResponseSpec create(String token, Map<String, Object> body) {
        return client.post().uri(ENTRIES).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec approve(String token, String id) {
        return client.post().uri(ENTRIES + "/{id}/approve", id).header("Authorization", "Bearer " + token).exchange();
    }
}
