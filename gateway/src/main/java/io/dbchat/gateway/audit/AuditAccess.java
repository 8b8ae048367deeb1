package io.dbchat.gateway.audit;

import io.dbchat.gateway.query.PrincipalResolver;
import java.security.Principal;
import java.util.Collection;
import java.util.Optional;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may read which audit: a principal its own queries'; an auditor (named in {@code auditors}, or holding the
 * configured role in its JWT) everyone's. Anything else is indistinguishable from an unknown query.
 */
public final class AuditAccess {

    private final AuditProperties properties;

    public AuditAccess(AuditProperties properties) {
        this.properties = properties;
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
        if (properties.auditors().contains(name)) {
            return true;
        }
        if (authenticated instanceof JwtAuthenticationToken jwt) {
            Object claim = jwt.getToken().getClaims().get(properties.jwtClaim());
            return claim instanceof Collection<?> values ? values.contains(properties.jwtRole())
                    : properties.jwtRole().equals(claim);
        }
        return false;
    }

    public boolean mayRead(String name, boolean auditor, AuditRecord record) {
        return auditor || name.equals(record.principal());
    }
}
