package io.dbchat.gateway.conversations;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.gateway.errors.ProblemException;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * A principal's view of the conversation index: only its own conversations that are not deleted. Any
 * other conversation, someone else's or unknown, is the same 404, so ids cannot be probed.
 */
public class Conversations {

    private final ConversationIndex index;
    private final DeletionMarkers deletions;

    public Conversations(ConversationIndex index, DeletionMarkers deletions) {
        this.index = index;
        this.deletions = deletions;
    }

    public Mono<List<ConversationSummary>> list(String principal) {
        List<ConversationSummary> all = index.of(principal);
        if (all.isEmpty()) {
            return Mono.just(all);
        }
        return deletions.deletedAmong(all.stream().map(ConversationSummary::conversationId).toList())
                .map(deleted -> all.stream().filter(c -> !deleted.contains(c.conversationId())).toList());
    }

    /** Completes empty when the principal owns the live conversation; fails with a 404 Problem otherwise. */
    public Mono<Void> requireOwned(String principal, String conversationId) {
        if (!index.ownerOfConversation(conversationId).map(principal::equals).orElse(false)) {
            return Mono.error(unknown(conversationId));
        }
        return deletions.deletedAmong(Set.of(conversationId))
                .flatMap(deleted -> deleted.isEmpty() ? Mono.<Void>empty() : Mono.error(unknown(conversationId)));
    }

    public Mono<ConversationView> view(String principal, String conversationId) {
        return requireOwned(principal, conversationId)
                .then(Mono.defer(() -> Mono.justOrEmpty(index.view(conversationId))))
                .switchIfEmpty(Mono.error(() -> unknown(conversationId)));
    }

    public Mono<Void> delete(String principal, String conversationId) {
        return requireOwned(principal, conversationId)
                .then(Mono.defer(() -> deletions.mark(conversationId)))
                .doOnSuccess(done -> index.remove(conversationId));
    }

    public Mono<ConversationIndex.QueryOwner> ownedQuery(String principal, String queryId) {
        return Mono.justOrEmpty(index.ownerOfQuery(queryId))
                .filter(owner -> owner.principal().equals(principal))
                .flatMap(owner -> requireOwned(principal, owner.conversationId()).thenReturn(owner))
                .switchIfEmpty(Mono.error(() -> ProblemException.of(ErrorCode.NOT_FOUND, "Unknown query '" + queryId + "'.")));
    }

    static ProblemException unknown(String conversationId) {
        return ProblemException.of(ErrorCode.NOT_FOUND, "Unknown conversation '" + conversationId + "'.");
    }
}
