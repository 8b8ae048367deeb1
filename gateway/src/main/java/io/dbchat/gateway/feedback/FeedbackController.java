package io.dbchat.gateway.feedback;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.FeedbackGiven;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.knowledge.FeedbackProposals;
import io.dbchat.gateway.knowledge.KnowledgeAccess;
import io.dbchat.gateway.replies.ReplySource;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/chat/queries/{id}/feedback}: the owner of a query judges its answer; 202 once the
 * {@link FeedbackGiven} is on the feedback topic and the verdict is kept with the conversation's turn, naming what
 * the judgement proposed to the knowledge base ({@link FeedbackProposals}: a right answer as a verified example, a
 * wrong one's corrected SQL as an example and its comment as a note); 400 for a correction the guard refuses, 404 for a
 * query that is not a turn of the caller's live conversation, 400 for a bad verdict. A query this gateway has
 * in memory is found by its id; an older one by the {@code conversation_id} the request names.
 */
@RestController
class FeedbackController {

    private static final Logger log = LoggerFactory.getLogger(FeedbackController.class);
    private static final Set<String> VERDICTS = Set.of("right", "wrong");
    private static final int MAX_TEXT = 16_000;

    private final Conversations conversations;
    private final KnowledgeAccess access;
    private final ReplySource replies;
    private final FeedbackPublisher publisher;
    private final FeedbackProposals proposals;
    private final Clock clock;

    FeedbackController(Conversations conversations, KnowledgeAccess access, ReplySource replies,
                       FeedbackPublisher publisher, FeedbackProposals proposals, Clock clock) {
        this.conversations = conversations;
        this.access = access;
        this.replies = replies;
        this.publisher = publisher;
        this.proposals = proposals;
        this.clock = clock;
    }

    /** What the feedback proposed to the knowledge base (nothing when it had been proposed before). */
    record Accepted(List<Proposed> proposed) {
    }

    /** One proposed entry: its id and kind. */
    record Proposed(String id, String kind) {
    }

    @PostMapping("/api/chat/queries/{queryId}/feedback")
    Mono<ResponseEntity<Accepted>> feedback(@PathVariable String queryId,
                                            @RequestBody(required = false) FeedbackRequest request,
                                            ServerWebExchange exchange) {
        return Mono.fromCallable(() -> validated(request))
                .flatMap(valid -> access.caller(exchange).flatMap(caller -> conversationOf(caller.name(), queryId,
                        valid.conversationId()).flatMap(conversationId -> {
                            FeedbackGiven given = FeedbackGiven.of(queryId, conversationId, caller.name(),
                                    valid.verdict(), valid.correctedSql(), valid.comment(), clock.instant());
                            // proposed first: a correction the guard refuses is refused with the whole feedback
                            return proposals.propose(caller, queryId, conversationId, new FeedbackProposals.Judgement(
                                            valid.verdict(), valid.correctedSql(), valid.comment()))
                                    .map(e -> new Proposed(e.id(), e.kind())).collectList()
                                    .flatMap(proposed -> publish(given).then(conversations.mark(given.principal(),
                                            conversationId, queryId, given.verdict())).thenReturn(new Accepted(proposed)));
                        })))
                .map(accepted -> ResponseEntity.accepted().body(accepted));
    }

    /** The principal's live conversation the query is a turn of; a 404 Problem when there is none. */
    private Mono<String> conversationOf(String principal, String queryId, String named) {
        Mono<String> known = Mono.justOrEmpty(replies.find(queryId))
                .filter(view -> view.question() != null && principal.equals(view.question().principal()))
                .map(view -> view.conversationId());
        Mono<String> turn = named == null ? Mono.empty()
                : conversations.hasTurn(principal, named, queryId).filter(Boolean::booleanValue).map(yes -> named);
        return known.switchIfEmpty(turn)
                .flatMap(conversationId -> conversations.requireOwned(principal, conversationId).thenReturn(conversationId))
                .switchIfEmpty(Mono.error(() -> ProblemException.of(ErrorCode.NOT_FOUND, "Unknown query '" + queryId + "'.")));
    }

    private Mono<Void> publish(FeedbackGiven feedback) {
        return publisher.publish(feedback).onErrorMap(e -> !(e instanceof ProblemException), e -> {
            log.warn("Could not publish feedback on query {}", feedback.queryId(), e);
            return ProblemException.of(ErrorCode.UNAVAILABLE, "The feedback could not be recorded; try again shortly.");
        });
    }

    private static FeedbackRequest validated(FeedbackRequest request) {
        if (request == null || request.verdict() == null || !VERDICTS.contains(request.verdict())) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST, "The field 'verdict' must be \"right\" or \"wrong\".");
        }
        if (tooLong(request.correctedSql()) || tooLong(request.comment())) {
            throw ProblemException.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "'corrected_sql' and 'comment' may be at most " + MAX_TEXT + " characters each.");
        }
        return request;
    }

    private static boolean tooLong(String text) {
        return text != null && text.length() > MAX_TEXT;
    }
}
