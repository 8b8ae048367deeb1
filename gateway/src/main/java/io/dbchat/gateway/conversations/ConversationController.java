package io.dbchat.gateway.conversations;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.PrincipalResolver;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The caller's conversations: the list (most recent first), one with its turns, and deleting one (204). */
@RestController
@RequestMapping("/api/chat/conversations")
class ConversationController {

    private static final int MAX_LIMIT = 1000;

    private final Conversations conversations;
    private final PrincipalResolver principals;

    ConversationController(Conversations conversations, PrincipalResolver principals) {
        this.conversations = conversations;
        this.principals = principals;
    }

    /** At most {@code limit} (1 to 1,000) conversations, the most recent first; all of them without it. */
    @GetMapping
    Mono<List<ConversationSummary>> list(@RequestParam(required = false) Integer limit, ServerWebExchange exchange) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            return Mono.error(ProblemException.of(ErrorCode.INVALID_REQUEST,
                    "The parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + "."));
        }
        return principals.resolve(exchange).flatMap(conversations::list)
                .map(all -> limit == null || all.size() <= limit ? all : all.subList(0, limit));
    }

    @GetMapping("/{conversationId}")
    Mono<ConversationView> view(@PathVariable String conversationId, ServerWebExchange exchange) {
        return principals.resolve(exchange).flatMap(p -> conversations.view(p, conversationId));
    }

    @DeleteMapping("/{conversationId}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String conversationId, ServerWebExchange exchange) {
        return principals.resolve(exchange).flatMap(p -> conversations.delete(p, conversationId))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }
}
