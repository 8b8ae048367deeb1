package io.dbchat.gateway.query;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Who is asking. Access control plugs in here; until then everyone is {@link #ANONYMOUS}. */
public interface PrincipalResolver {

    String ANONYMOUS = "anonymous";

    Mono<String> resolve(ServerWebExchange exchange);

    static PrincipalResolver anonymous() {
        return exchange -> Mono.just(ANONYMOUS);
    }
}
