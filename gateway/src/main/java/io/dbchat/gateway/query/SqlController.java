package io.dbchat.gateway.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbchat.gateway.security.PrincipalAttributes;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/chat/sql}: runs SQL the caller wrote or edited (202, followed like a question), past the
 * translator but through the same guard, plan check and read-only executor, as a new turn of the given
 * conversation. The answer is marked {@code edited}.
 */
@RestController
class SqlController {

    /** SQL to run as written: {@code {"sql", "conversation_id", "edits", "datasource", "purpose"}}, all but sql optional. */
    record SqlRequest(
            String sql,
            @JsonProperty("conversation_id") String conversationId,
            String edits,
            String datasource,
            String purpose) {
    }

    private final SqlIntake intake;
    private final PrincipalResolver principals;
    private final PrincipalAttributes attributes;

    SqlController(SqlIntake intake, PrincipalResolver principals, PrincipalAttributes attributes) {
        this.intake = intake;
        this.principals = principals;
        this.attributes = attributes;
    }

    @PostMapping("/api/chat/sql")
    Mono<ResponseEntity<QueryAccepted>> run(@RequestBody(required = false) SqlRequest request, ServerWebExchange exchange) {
        SqlIntake.SqlRun run = request == null ? null
                : new SqlIntake.SqlRun(request.sql(), request.conversationId(), request.datasource(), request.purpose(),
                        request.edits());
        return principals.resolve(exchange).flatMap(p -> attributes.of(p, exchange.getPrincipal())
                .flatMap(attrs -> intake.accept(run, p, attrs))).map(q -> {
            String events = QueryAccepted.eventsUrl(q.queryId());
            return ResponseEntity.accepted().location(URI.create(events))
                    .body(new QueryAccepted(q.queryId(), q.conversationId(), events));
        });
    }
}
