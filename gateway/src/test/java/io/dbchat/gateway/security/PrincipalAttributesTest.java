package io.dbchat.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.gateway.Fixtures;
import io.dbchat.gateway.TestTokens;
import io.dbchat.gateway.WebSliceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * A principal's attributes for the access policies: its JWT's claims, overlaid by its configured ones, travel with
 * each question; schema-info shows only what its policies let it see.
 */
@TestPropertySource(properties = {
        "dbchat.gateway.auth.mode=jwt",
        "dbchat.gateway.auth.jwt.secret=" + PrincipalAttributesTest.SECRET,
        "dbchat.gateway.auth.attributes.carol[team]=7",
        "dbchat.gateway.auth.attributes.carol[region]=configured",
        "dbchat.policy.file=src/test/resources/policy/gateway-policies.yml"})
class PrincipalAttributesTest extends WebSliceTest {

    static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";

    @Test
    void aQuestionCarriesTheTokensClaimsAndTheConfiguredAttributes() throws Exception {
        client.post().uri("/api/chat/queries").header("Authorization", "Bearer " + token("carol",
                        Map.of("region", "EU", "roles", List.of("sales", "hr"), "level", 3, "nested", Map.of("a", 1))))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "How many orders?"))
                .exchange()
                .expectStatus().isAccepted();

        Map<String, String> attributes = pipeline.submitted().getLast().attributes();
        assertThat(attributes).containsEntry("sub", "carol").containsEntry("roles", "sales,hr")
                .containsEntry("level", "3").containsEntry("team", "7")
                .as("configuration wins over a claim").containsEntry("region", "configured")
                .doesNotContainKeys("exp", "iat", "nested");
    }

    @Test
    void schemaInfoShowsOnlyWhatThePoliciesLetThePrincipalSee() throws Exception {
        schemas.put("default", Fixtures.schema("default"));

        client.get().uri("/api/chat/schema-info/").header("Authorization", "Bearer " + token("dave", Map.of()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.tables[1].fields.length()").isEqualTo(2)
                .jsonPath("$.tables[0].row_estimate").isEqualTo(-1);
        client.get().uri("/api/chat/schema-info/")
                .header("Authorization", "Bearer " + token("dave", Map.of("role", "hr")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.tables[1].fields[2].name").isEqualTo("status");
    }

    private static String token(String subject, Map<String, Object> claims) throws Exception {
        return TestTokens.hs256(SECRET, subject, claims);
    }
}
