package io.dbchat.gateway.conversations;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.conversations.ConversationSummary;
import io.dbchat.conversations.ConversationView;
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

/**
 * The caller's conversations: the list (most recently active first, {@code limit} and {@code offset} page it), one
 * with its turns as first shown, and deleting one (204).
 */
@RestController
@RequestMapping("/api/chat/conversations")
class ConversationController {

    static final int MAX_LIMIT = 200;

    private final Conversations conversations;
    private final PrincipalResolver principals;

    ConversationController(Conversations conversations, PrincipalResolver principals) {
        this.conversations = conversations;
        this.principals = principals;
    }

    @GetMapping
    Mono<List<ConversationSummary>> list(@RequestParam(defaultValue = "50") String limit,
                                         @RequestParam(defaultValue = "0") String offset, ServerWebExchange exchange) {
        int pageSize = number("limit", limit, 1, MAX_LIMIT);
        int skip = number("offset", offset, 0, Integer.MAX_VALUE - MAX_LIMIT);
        return principals.resolve(exchange).flatMap(p -> conversations.list(p, skip, pageSize));
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

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ProblemException.of(ErrorCode.INVALID_REQUEST,
                "The parameter '" + name + "' must be a whole number from " + min + " to " + max + ".");
    }
}
