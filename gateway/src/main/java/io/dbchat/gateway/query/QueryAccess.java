package io.dbchat.gateway.query;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.replies.QueryView;
import io.dbchat.gateway.replies.ReplySource;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A query as its owner may see it. A query whose question this instance has not read yet (asked through
 * another instance a moment ago) is waited for up to {@code unknown-query-grace}; someone else's query
 * and an unknown one are the same 404, so ids cannot be probed.
 */
@Component
class QueryAccess {

    private static final Duration POLL = Duration.ofMillis(25);

    private final ReplySource replies;
    private final GatewayProperties properties;

    QueryAccess(ReplySource replies, GatewayProperties properties) {
        this.replies = replies;
        this.properties = properties;
    }

    Mono<QueryView> owned(String queryId, String principal) {
        return Flux.interval(Duration.ZERO, POLL)
                .map(tick -> replies.find(queryId))
                .filter(view -> view.isPresent() && view.get().question() != null)
                .next()
                .timeout(properties.unknownQueryGrace(), Mono.empty())
                .flatMap(Mono::justOrEmpty)
                .filter(view -> principal.equals(view.question().principal()))
                .switchIfEmpty(Mono.error(() -> unknown(queryId)));
    }

    static ProblemException unknown(String queryId) {
        return ProblemException.of(ErrorCode.NOT_FOUND, "Unknown query '" + queryId + "'.");
    }
}
