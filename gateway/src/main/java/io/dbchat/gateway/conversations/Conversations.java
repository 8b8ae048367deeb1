package io.dbchat.gateway.conversations;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.conversations.ConversationClaims;
import io.dbchat.conversations.ConversationClaims.Claim;
import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.ConversationSummary;
import io.dbchat.conversations.ConversationView;
import io.dbchat.gateway.errors.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A principal's conversations, from the conversation records in Redis: it opens a conversation (claims it) with
 * its first question, sees and deletes only its own, and marks their turns. Someone else's conversation and an
 * unknown one are the same 404, so ids cannot be probed; the owner of a deleted one is told it was deleted.
 * Default-deny: when Redis cannot say whose a conversation is, the answer is 503, never access.
 */
public class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    private final ConversationClaims claims;
    private final ConversationRecords records;
    private final Duration timeout;

    public Conversations(ConversationClaims claims, ConversationRecords records, Duration timeout) {
        this.claims = claims;
        this.records = records;
        this.timeout = timeout;
    }

    /**
     * Opens the conversation for the principal ({@link Claim#NEW}: it has no turns), or continues the principal's
     * own ({@link Claim#OWNED}); 404 for any other.
     */
    public Mono<Claim> claim(String principal, String conversationId) {
        return call("claim", () -> claims.claim(conversationId, principal))
                .flatMap(claim -> claim.live() ? Mono.just(claim) : Mono.error(refusal(claim, conversationId)));
    }

    /**
     * Opens a conversation under an id the gateway just made up (random, so nobody else's): claimed like any other,
     * but when Redis is unavailable the question goes ahead unclaimed (its turns are then not recorded, and a
     * follow-up claims the id once Redis is back): Redis being down costs the history, never the answer. Completes
     * with the claim made, empty when none could be.
     */
    public Mono<Claim> open(String principal, String generatedId) {
        return Mono.fromCompletionStage(() -> claims.claim(generatedId, principal)).timeout(timeout)
                .flatMap(claim -> claim.live() ? Mono.just(claim) : Mono.error(refusal(claim, generatedId)))
                .onErrorResume(e -> !(e instanceof ProblemException), e -> {
                    log.warn("Conversation {} opened without a claim, so its turns are not recorded (Redis: {})",
                            generatedId, e.toString());
                    return Mono.empty();
                });
    }

    /** Completes empty when the principal owns the live conversation; fails with a 404 Problem otherwise. */
    public Mono<Void> requireOwned(String principal, String conversationId) {
        return call("check", () -> claims.check(conversationId, principal))
                .flatMap(claim -> claim == Claim.OWNED ? Mono.<Void>empty() : Mono.error(refusal(claim, conversationId)));
    }

    public Mono<List<ConversationSummary>> list(String principal, int offset, int limit) {
        return call("list", () -> records.list(principal, offset, limit));
    }

    /** The conversation with its finished turns; one whose first answer is still being written has none yet. */
    public Mono<ConversationView> view(String principal, String conversationId) {
        return requireOwned(principal, conversationId)
                .then(call("view", () -> records.view(conversationId)))
                .map(view -> view.orElseGet(() -> new ConversationView(conversationId, null, null, null, List.of())));
    }

    public Mono<Void> delete(String principal, String conversationId) {
        return call("delete", () -> claims.delete(conversationId, principal))
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : requireOwned(principal, conversationId));
    }

    /** Whether a query is a turn of the principal's live conversation. */
    public Mono<Boolean> hasTurn(String principal, String conversationId, String queryId) {
        return requireOwned(principal, conversationId)
                .then(call("turn", () -> records.hasTurn(conversationId, queryId)));
    }

    /** Keeps the owner's verdict on a turn, shown when the conversation is reopened. */
    public Mono<Void> mark(String principal, String conversationId, String queryId, String verdict) {
        return call("mark", () -> claims.mark(conversationId, principal, queryId, verdict))
                .flatMap(marked -> marked ? Mono.<Void>empty() : Mono.error(unknown(conversationId)));
    }

    private <T> Mono<T> call(String what, Supplier<CompletionStage<T>> call) {
        return Mono.fromCompletionStage(call).timeout(timeout).onErrorMap(e -> !(e instanceof ProblemException), e -> {
            log.warn("Conversation records unavailable ({}): {}", what, e.toString());
            return ProblemException.of(ErrorCode.UNAVAILABLE, "Conversations are unavailable for a moment; try again shortly.");
        });
    }

    private static ProblemException refusal(Claim claim, String conversationId) {
        return claim == Claim.DELETED
                ? ProblemException.of(ErrorCode.NOT_FOUND, "Conversation '" + conversationId + "' was deleted.")
                : unknown(conversationId);
    }

    static ProblemException unknown(String conversationId) {
        return ProblemException.of(ErrorCode.NOT_FOUND, "Unknown conversation '" + conversationId + "'.");
    }
}
