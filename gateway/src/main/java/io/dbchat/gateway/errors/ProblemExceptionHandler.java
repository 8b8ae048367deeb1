package io.dbchat.gateway.errors;

import io.dbchat.contracts.serde.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Writes every failed request as a JSON {@code Problem} ({@code {"code", "message"}}). It runs before
 * Spring Boot's error handler (order -1), so the default error JSON and stack traces never reach a client.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // a stream already under way cannot change its status; let the connection end
            return Mono.error(error);
        }
        var request = exchange.getRequest();
        ProblemException problem = ProblemMapper.map(error, request.getMethod().name(), request.getPath().value(),
                request.getHeaders().getContentType());
        if (problem.status() >= 500 && !(error instanceof ProblemException)) {
            log.error("Request {} {} failed", request.getMethod(), request.getPath(), error);
        }
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        response.getHeaders().clear();
        response.getHeaders().addAll(problem.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = Json.MAPPER.writeValueAsBytes(problem.problem());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
