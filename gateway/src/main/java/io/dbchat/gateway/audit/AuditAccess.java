package io.dbchat.gateway.audit;

import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.security.ConfiguredRole;
import java.security.Principal;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may read which audit: a principal its own queries'; an auditor (named in {@code auditors}, or holding the
 * configured role in its JWT) everyone's. Anything else is indistinguishable from an unknown query.
 */
public final class AuditAccess {

    private final ConfiguredRole auditor;

    public AuditAccess(AuditProperties properties) {
        this.auditor = new ConfiguredRole(properties.auditors(), properties.jwtClaim(), properties.jwtRole());
    }

    /** Who asks, and whether as an auditor. */
    public record Caller(String name, boolean auditor) {
    }

    /** The caller of a request, by the principal the security chain authenticated (or anonymous in open mode). */
    public Mono<Caller> caller(ServerWebExchange exchange, PrincipalResolver principals) {
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(auth -> principals.resolve(Mono.justOrEmpty(auth))
                        .map(name -> new Caller(name, isAuditor(name, auth.orElse(null)))));
    }

    public boolean isAuditor(String name, Principal authenticated) {
        return auditor.heldBy(name, authenticated);
    }

    public boolean mayRead(String name, boolean auditor, AuditRecord record) {
        return auditor || name.equals(record.principal());
    }
}
