package io.dbchat.gateway.security;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.serde.Json;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 answers of the security filter chain, written as the same JSON Problem as every other error. */
final class ProblemResponses {

    static final String UNAUTHORIZED = "unauthorized";
    static final String FORBIDDEN = "forbidden";

    private ProblemResponses() {
    }

    static ServerAuthenticationEntryPoint unauthorized(String scheme) {
        return (exchange, e) -> write(exchange, HttpStatus.UNAUTHORIZED, new Problem(UNAUTHORIZED,
                "Missing or invalid credentials; send " + scheme + "."), scheme);
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> write(exchange, HttpStatus.FORBIDDEN,
                new Problem(FORBIDDEN, "This principal may not do that."), null);
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, Problem problem, String scheme) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (scheme != null) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, scheme.startsWith("a bearer") ? "Bearer" : "ApiKey");
        }
        byte[] body = Json.MAPPER.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
