package io.dbchat.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dbchat.gateway.WebSliceTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** JWT mode: a token signed with the shared secret names the principal by its {@code sub}; anything else is 401. */
@TestPropertySource(properties = {
        "dbchat.gateway.auth.mode=jwt",
        "dbchat.gateway.auth.jwt.secret=" + JwtModeTest.SECRET})
class JwtModeTest extends WebSliceTest {

    static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";

    @Test
    void takesThePrincipalFromTheSubClaim() throws Exception {
        client.post().uri("/api/chat/queries").header("Authorization", "Bearer " + token(SECRET, "carol"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "How many orders?"))
                .exchange()
                .expectStatus().isAccepted();

        assertThat(pipeline.submitted().getFirst().principal()).isEqualTo("carol");
    }

    @Test
    void rejectsATokenSignedWithAnotherSecretWith401() throws Exception {
        client.get().uri("/api/chat/conversations")
                .header("Authorization", "Bearer " + token("another-secret-of-at-least-32-bytes!", "carol"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void rejectsARequestWithoutATokenWith401() {
        client.get().uri("/api/chat/conversations").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    private static String token(String secret, String subject) throws Exception {
        var claims = new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
