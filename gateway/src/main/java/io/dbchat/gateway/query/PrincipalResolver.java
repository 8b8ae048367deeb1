package io.dbchat.gateway.query;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.gateway.errors.ProblemException;
import java.security.Principal;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who is asking: in open mode everyone is {@link #ANONYMOUS}; otherwise the name of the principal the
 * security chain authenticated (a request without one never gets this far; if it does, it is a 401).
 */
public interface PrincipalResolver {

    String ANONYMOUS = "anonymous";

    Mono<String> resolve(Mono<? extends Principal> authenticated);

    default Mono<String> resolve(ServerWebExchange exchange) {
        return resolve(exchange.getPrincipal());
    }

    static PrincipalResolver anonymous() {
        return authenticated -> Mono.just(ANONYMOUS);
    }

    static PrincipalResolver authenticated() {
        return authenticated -> authenticated.<String>map(Principal::getName)
                .switchIfEmpty(Mono.error(() -> new ProblemException(401,
                        new Problem("unauthorized", "Missing or invalid credentials."))));
    }
}
