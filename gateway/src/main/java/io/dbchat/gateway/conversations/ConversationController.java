package io.dbchat.gateway.conversations;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.conversations.ConversationSummary;
import io.dbchat.conversations.ConversationView;
import io.dbchat.conversations.ViewedTurn;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.replies.QueryView;
import io.dbchat.gateway.replies.ReplySource;
import java.util.ArrayList;
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
 * with its turns as first shown (and, after them, its questions this gateway sees still being answered, "pending",
 * so a reloaded page follows them), and deleting one (204).
 */
@RestController
@RequestMapping("/api/chat/conversations")
class ConversationController {

    static final int MAX_LIMIT = 200;

    private final Conversations conversations;
    private final PrincipalResolver principals;
    private final ReplySource replies;

    ConversationController(Conversations conversations, PrincipalResolver principals, ReplySource replies) {
        this.conversations = conversations;
        this.principals = principals;
        this.replies = replies;
    }

    /** A page of {@code limit} (1 to 200, default 50) conversations from {@code offset}, the most recently active first. */
    @GetMapping
    Mono<List<ConversationSummary>> list(@RequestParam(defaultValue = "50") String limit,
                                         @RequestParam(defaultValue = "0") String offset, ServerWebExchange exchange) {
        int pageSize = number("limit", limit, 1, MAX_LIMIT);
        int skip = number("offset", offset, 0, Integer.MAX_VALUE - MAX_LIMIT);
        return principals.resolve(exchange).flatMap(p -> conversations.list(p, skip, pageSize));
    }

    @GetMapping("/{conversationId}")
    Mono<ConversationView> view(@PathVariable String conversationId, ServerWebExchange exchange) {
        return principals.resolve(exchange).flatMap(p -> conversations.view(p, conversationId)
                .map(view -> withUnfinished(view, replies.unfinished(conversationId).stream()
                        .filter(q -> p.equals(q.question().principal())).toList())));
    }

    private static ConversationView withUnfinished(ConversationView view, List<QueryView> unfinished) {
        List<ViewedTurn> turns = new ArrayList<>(view.turns());
        unfinished.stream()
                .filter(q -> view.turns().stream().noneMatch(t -> t.queryId().equals(q.queryId())))
                .map(q -> new ViewedTurn(q.queryId(), q.question().question(), null, null, q.question().askedAt(),
                        "pending", null, false, null, q.question().datasource()))
                .forEach(turns::add);
        return new ConversationView(view.conversationId(), view.title(), view.createdAt(), view.updatedAt(), turns);
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
