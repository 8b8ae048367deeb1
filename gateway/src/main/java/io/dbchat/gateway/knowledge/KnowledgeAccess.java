package io.dbchat.gateway.knowledge;

import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.security.ConfiguredRole;
import io.dbchat.gateway.security.PrincipalAttributes;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who edits knowledge, and how: every authenticated principal proposes; an admin (named in
 * {@code dbchat.gateway.knowledge.admins}, or holding the configured role in its JWT) also approves, edits approved
 * entries and deletes.
 */
@Component
public class KnowledgeAccess {

    private final ConfiguredRole admin;
    private final PrincipalResolver principals;
    private final PrincipalAttributes attributes;

    KnowledgeAccess(KnowledgeProperties properties, PrincipalResolver principals, PrincipalAttributes attributes) {
        this.admin = new ConfiguredRole(properties.admins(), properties.jwtClaim(), properties.jwtRole());
        this.principals = principals;
        this.attributes = attributes;
    }

    /** Who asks: name, whether an admin, and the attributes its access policies bind. */
    public record Caller(String name, boolean admin, Map<String, String> attributes) {
    }

    public Mono<Caller> caller(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.<Principal>empty())
                .flatMap(auth -> principals.resolve(Mono.justOrEmpty(auth)).map(name -> new Caller(name,
                        admin.heldBy(name, auth.orElse(null)), attributes.of(name, auth.orElse(null)))));
    }
}
