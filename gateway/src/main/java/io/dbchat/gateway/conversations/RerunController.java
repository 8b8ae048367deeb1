package io.dbchat.gateway.conversations;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.conversations.ViewedTurn;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.query.QueryAccepted;
import io.dbchat.gateway.query.SqlIntake;
import io.dbchat.gateway.security.PrincipalAttributes;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/chat/conversations/{id}/queries/{queryId}/rerun}: runs a turn's SQL again, as written, in the
 * same conversation (the way SQL written by the caller runs: guard, plan check, read-only execution, no
 * translator, under the caller's access policies), for an answer whose rows were too large to keep or may have changed. 202 with the new query.
 */
@RestController
class RerunController {

    private final Conversations conversations;
    private final SqlIntake sql;
    private final PrincipalResolver principals;
    private final PrincipalAttributes attributes;

    RerunController(Conversations conversations, SqlIntake sql, PrincipalResolver principals,
                    PrincipalAttributes attributes) {
        this.conversations = conversations;
        this.sql = sql.via("rerun");
        this.principals = principals;
        this.attributes = attributes;
    }

    @PostMapping("/api/chat/conversations/{conversationId}/queries/{queryId}/rerun")
    Mono<ResponseEntity<QueryAccepted>> rerun(@PathVariable String conversationId, @PathVariable String queryId,
                                              ServerWebExchange exchange) {
        return principals.resolve(exchange).flatMap(p -> conversations.view(p, conversationId)
                .flatMap(view -> Mono.justOrEmpty(view.turns().stream().filter(t -> t.queryId().equals(queryId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> ProblemException.of(ErrorCode.NOT_FOUND, "Unknown query '" + queryId + "'.")))
                .flatMap(turn -> attributes.of(p, exchange.getPrincipal()).flatMap(attrs ->
                        sql.accept(new SqlIntake.SqlRun(runnable(turn), conversationId, turn.datasource(), turn.question(), null), p, attrs))))
                .map(q -> ResponseEntity.accepted().location(URI.create(QueryAccepted.eventsUrl(q.queryId())))
                        .body(new QueryAccepted(q.queryId(), q.conversationId(), QueryAccepted.eventsUrl(q.queryId()))));
    }

    private static String runnable(ViewedTurn turn) {
        if (turn.sql() == null || turn.sql().isBlank()) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST, "This answer has no SQL to run again.");
        }
        return turn.sql();
    }
}
