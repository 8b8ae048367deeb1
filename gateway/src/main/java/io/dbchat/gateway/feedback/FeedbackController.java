package io.dbchat.gateway.feedback;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.FeedbackGiven;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.PrincipalResolver;
import java.time.Clock;
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
 * {@link FeedbackGiven} is on the feedback topic, 404 for a query that is not the caller's, 400 for a bad verdict.
 */
@RestController
class FeedbackController {

    private static final Logger log = LoggerFactory.getLogger(FeedbackController.class);
    private static final Set<String> VERDICTS = Set.of("right", "wrong");
    private static final int MAX_TEXT = 16_000;

    private final Conversations conversations;
    private final PrincipalResolver principals;
    private final FeedbackPublisher publisher;
    private final Clock clock;

    FeedbackController(Conversations conversations, PrincipalResolver principals, FeedbackPublisher publisher, Clock clock) {
        this.conversations = conversations;
        this.principals = principals;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping("/api/chat/queries/{queryId}/feedback")
    Mono<ResponseEntity<Void>> feedback(@PathVariable String queryId,
                                        @RequestBody(required = false) FeedbackRequest request,
                                        ServerWebExchange exchange) {
        return Mono.fromCallable(() -> validated(request))
                .flatMap(valid -> principals.resolve(exchange)
                        .flatMap(p -> conversations.ownedQuery(p, queryId))
                        .map(owner -> FeedbackGiven.of(queryId, owner.conversationId(), owner.principal(),
                                valid.verdict(), valid.correctedSql(), valid.comment(), clock.instant())))
                .flatMap(this::publish)
                .thenReturn(ResponseEntity.accepted().build());
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
