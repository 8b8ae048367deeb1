package io.dbchat.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.gateway.audit.AuditRecord.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is an auditor: a configured principal, or a JWT holding the configured role; everyone else reads its own. */
class AuditAccessTest {

    private final AuditAccess access = new AuditAccess(new AuditProperties(true, List.of("carol"), "roles", "auditor"));

    @Test
    void aConfiguredPrincipalIsAnAuditorWhateverItsCredentials() {
        assertThat(access.isAuditor("carol", UsernamePasswordAuthenticationToken.authenticated("carol", null, List.of()))).isTrue();
        assertThat(access.isAuditor("bob", UsernamePasswordAuthenticationToken.authenticated("bob", null, List.of()))).isFalse();
        assertThat(access.isAuditor("anonymous", null)).isFalse();
    }

    @Test
    void aJwtIsAnAuditorWhenItsRoleClaimHoldsTheRole() {
        assertThat(access.isAuditor("dave", jwt(Map.of("roles", List.of("reader", "auditor"))))).isTrue();
        assertThat(access.isAuditor("dave", jwt(Map.of("roles", "auditor")))).isTrue();
        assertThat(access.isAuditor("dave", jwt(Map.of("roles", List.of("reader"))))).isFalse();
        assertThat(access.isAuditor("dave", jwt(Map.of("scope", "auditor")))).isFalse();
    }

    @Test
    void aPrincipalReadsItsOwnRecordsAndAnAuditorEveryones() {
        var alices = new AuditRecord(AuditRecord.VERSION, "q", "c", "alice", "default", "?", Instant.EPOCH, null, null,
                null, List.of(), List.of(), null, Outcome.ANSWERED, List.of(), Instant.EPOCH, 1);

        assertThat(access.mayRead("alice", false, alices)).isTrue();
        assertThat(access.mayRead("bob", false, alices)).isFalse();
        assertThat(access.mayRead("carol", true, alices)).isTrue();
    }

    private static JwtAuthenticationToken jwt(Map<String, Object> claims) {
        var token = Jwt.withTokenValue("t").header("alg", "HS256").subject("dave").claims(c -> c.putAll(claims)).build();
        return new JwtAuthenticationToken(token, List.of());
    }
}
