package io.dbchat.gateway.query;

import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.gateway.replies.QueryView;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/chat/queries/{id}/cancel}: stops the caller's query. While it runs, a {@link QueryCancelled}
 * goes to the pipeline (202): every stage drops the query's work and it ends with the ERROR reply
 * {@code cancelled}. A query that has ended is left as it is (200 with its state), so cancelling twice is
 * harmless; an unknown or someone else's query is a 404.
 */
@RestController
class CancelController {

    private final QueryAccess access;
    private final PrincipalResolver principals;
    private final CancelSubmitter submitter;
    private final Clock clock;

    CancelController(QueryAccess access, PrincipalResolver principals, CancelSubmitter submitter, Clock clock) {
        this.access = access;
        this.principals = principals;
        this.submitter = submitter;
        this.clock = clock;
    }

    @PostMapping("/api/chat/queries/{queryId}/cancel")
    Mono<ResponseEntity<QueryState>> cancel(@PathVariable String queryId, ServerWebExchange exchange) {
        return principals.resolve(exchange)
                .flatMap(p -> access.owned(queryId, p).flatMap(view -> cancel(view, p)));
    }

    private Mono<ResponseEntity<QueryState>> cancel(QueryView view, String principal) {
        if (view.terminal().isPresent()) {
            return Mono.just(ResponseEntity.ok(QueryState.of(view)));
        }
        // the question goes along, so the interpreter records the cancelled turn in its conversation
        var cancelled = view.question() == null
                ? QueryCancelled.of(view.queryId(), view.conversationId(), principal, clock.instant())
                : QueryCancelled.of(view.question(), principal, clock.instant());
        return submitter.submit(cancelled)
                .then(Mono.fromSupplier(() -> ResponseEntity.accepted().body(QueryState.of(view).cancelling())));
    }
}
