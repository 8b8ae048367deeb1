package io.dbchat.gateway.conversations;

import io.dbchat.gateway.query.PrincipalResolver;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The caller's conversations: the list (most recent first), one with its turns, and deleting one (204). */
@RestController
@RequestMapping("/api/chat/conversations")
class ConversationController {

    private final Conversations conversations;
    private final PrincipalResolver principals;

    ConversationController(Conversations conversations, PrincipalResolver principals) {
        this.conversations = conversations;
        this.principals = principals;
    }

    @GetMapping
    Mono<List<ConversationSummary>> list(ServerWebExchange exchange) {
        return principals.resolve(exchange).flatMap(conversations::list);
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
