package io.dbchat.gateway.audit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit ({@code dbchat.gateway.audit.*}): {@code enabled} runs its topology in this gateway; {@code auditors} are
 * principals (by API key or JWT subject) that read everyone's audit and start replays; with JWTs, a token whose claim
 * {@code jwtClaim} (a string or a list) holds {@code jwtRole} is an auditor too.
 */
@ConfigurationProperties("dbchat.gateway.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        List<String> auditors,
        @DefaultValue("roles") String jwtClaim,
        @DefaultValue("auditor") String jwtRole) {

    public AuditProperties {
        auditors = auditors == null ? List.of() : List.copyOf(auditors);
    }
}
