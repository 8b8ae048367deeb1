package io.dbchat.gateway.query;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.replies.ReplySource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a posted question into a {@link QuestionAsked}: validates it, names the query and conversation,
 * registers it so its replies can be subscribed to at once, and submits it to the pipeline.
 */
@Component
class QuestionIntake {

    private static final Logger log = LoggerFactory.getLogger(QuestionIntake.class);
    private static final int MAX_ID_LENGTH = 200;

    private final QuestionSubmitter submitter;
    private final ReplySource replies;
    private final PrincipalResolver principals;
    private final DatasourcesProperties datasources;
    private final GatewayProperties properties;
    private final Clock clock;

    QuestionIntake(QuestionSubmitter submitter, ReplySource replies, PrincipalResolver principals,
                   DatasourcesProperties datasources, GatewayProperties properties, Clock clock) {
        this.submitter = submitter;
        this.replies = replies;
        this.principals = principals;
        this.datasources = datasources;
        this.properties = properties;
        this.clock = clock;
    }

    /** The accepted question once Kafka acknowledged it; a {@link ProblemException} when it is not acceptable. */
    Mono<QuestionAsked> accept(ChatRequest request, ServerWebExchange exchange) {
        return Mono.fromCallable(() -> validated(request))
                .flatMap(valid -> principals.resolve(exchange).map(principal -> asked(valid, principal)))
                .flatMap(this::submit);
    }

    private ChatRequest validated(ChatRequest request) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST, "The field 'query' is required and must not be empty.");
        }
        int bytes = request.query().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > properties.maxQuestionBytes()) {
            throw ProblemException.of(ErrorCode.PAYLOAD_TOO_LARGE, "The question is " + bytes
                    + " bytes long; at most " + properties.maxQuestionBytes() + " bytes are accepted.");
        }
        requireShortId("conversation_id", request.conversationId());
        requireShortId("datasource", request.datasource());
        return request;
    }

    private static void requireShortId(String field, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_ID_LENGTH)) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST,
                    "The field '" + field + "' must be 1 to " + MAX_ID_LENGTH + " characters when given.");
        }
    }

    private QuestionAsked asked(ChatRequest request, String principal) {
        String conversationId = request.conversationId() == null ? UUID.randomUUID().toString() : request.conversationId();
        String datasource = request.datasource() == null ? datasources.defaultName() : request.datasource();
        return QuestionAsked.of(UUID.randomUUID().toString(), conversationId, principal, datasource,
                request.query().strip(), clock.instant());
    }

    private Mono<QuestionAsked> submit(QuestionAsked question) {
        replies.register(question);
        return submitter.submit(question)
                .onErrorMap(e -> !(e instanceof ProblemException), e -> {
                    log.warn("Could not submit question {}", question.queryId(), e);
                    return ProblemException.of(ErrorCode.UNAVAILABLE,
                            "The question could not be handed to the pipeline; try again shortly.");
                })
                .thenReturn(question);
    }
}
