package io.dbchat.gateway.security;

import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.query.PrincipalResolver;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/chat/access}: how this server admits callers ({@code open}, {@code api-key} or {@code jwt}) and
 * who the caller is to it, so a client can say what is true (no key is needed in open mode). Like every API
 * path it needs credentials outside open mode: a 401 then says a key is needed.
 */
@RestController
class AccessController {

    private final AuthProperties auth;
    private final PrincipalResolver principals;
    private final GatewayProperties gateway;

    AccessController(AuthProperties auth, PrincipalResolver principals, GatewayProperties gateway) {
        this.auth = auth;
        this.principals = principals;
        this.gateway = gateway;
    }

    /** The mode, the caller, and the longest question accepted (in UTF-8 bytes), so a client can say so before sending. */
    @GetMapping("/api/chat/access")
    Mono<Map<String, Object>> access(ServerWebExchange exchange) {
        String mode = auth.mode().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return principals.resolve(exchange).map(p -> Map.of("mode", mode, "principal", p,
                "max_question_bytes", gateway.maxQuestionBytes()));
    }
}
