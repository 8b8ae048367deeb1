package io.dbchat.gateway.query;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.replies.ReplySource;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asking questions: synchronously ({@code POST /api/chat/query/}, waits for the answer up to
 * {@code answer-timeout}), asynchronously ({@code POST /api/chat/queries}, 202), and a query's state
 * (its owner's only).
 */
@RestController
@RequestMapping("/api/chat")
class ChatController {

    private final QuestionIntake intake;
    private final ReplySource replies;
    private final QueryAccess access;
    private final PrincipalResolver principals;
    private final GatewayProperties properties;

    ChatController(QuestionIntake intake, ReplySource replies, QueryAccess access, PrincipalResolver principals,
                   GatewayProperties properties) {
        this.intake = intake;
        this.replies = replies;
        this.access = access;
        this.principals = principals;
        this.properties = properties;
    }

    @PostMapping({"/query/", "/query"})
    Mono<SyncAnswer> ask(@RequestBody(required = false) ChatRequest request, ServerWebExchange exchange) {
        return intake.accept(request, exchange).flatMap(this::answerOf);
    }

    @PostMapping("/queries")
    Mono<ResponseEntity<QueryAccepted>> submit(@RequestBody(required = false) ChatRequest request,
                                               ServerWebExchange exchange) {
        return intake.accept(request, exchange).map(q -> {
            String events = QueryAccepted.eventsUrl(q.queryId());
            return ResponseEntity.accepted().location(URI.create(events))
                    .body(new QueryAccepted(q.queryId(), q.conversationId(), events));
        });
    }

    @GetMapping("/queries/{queryId}")
    Mono<QueryState> state(@PathVariable String queryId, ServerWebExchange exchange) {
        return principals.resolve(exchange).flatMap(p -> access.owned(queryId, p)).map(QueryState::of);
    }

    private Mono<SyncAnswer> answerOf(QuestionAsked question) {
        return replies.terminal(question.queryId())
                // rendered off the reply feed's one thread, which reads the replies of every query
                .publishOn(Schedulers.parallel())
                .timeout(properties.answerTimeout(), Mono.error(() -> stillWorking(question)))
                .map(this::answerOrProblem);
    }

    private SyncAnswer answerOrProblem(ReplyEvent terminal) {
        if (terminal.type() == ReplyType.FINAL && terminal.answer() != null) {
            return SyncAnswer.of(terminal);
        }
        Problem problem = terminal.error() != null ? terminal.error()
                : ErrorCode.INTERNAL.problem("The pipeline ended the query without an answer.");
        throw new ProblemException(502, problem);
    }

    private static String readable(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private ProblemException stillWorking(QuestionAsked question) {
        String events = QueryAccepted.eventsUrl(question.queryId());
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create(events));
        return new ProblemException(504, ErrorCode.TIMEOUT.problem("No answer within " + readable(properties.answerTimeout())
                + "; the question is still being worked on. Follow it at " + events
                + " (query " + question.queryId() + ")."), headers);
    }
}
