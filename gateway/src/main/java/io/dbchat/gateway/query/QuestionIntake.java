package io.dbchat.gateway.query;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.conversations.ConversationClaims.Claim;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.ratelimit.SubmissionLimiter;
import io.dbchat.gateway.replies.ReplyListener;
import io.dbchat.gateway.security.DatasourcePolicy;
import io.dbchat.gateway.security.PrincipalAttributes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a posted question into a {@link QuestionAsked}: validates it (size, ids), checks the principal may
 * ask its datasource, opens its conversation (a new one, or a client-chosen id nobody has) or checks the principal
 * owns it, checks the rate limit, registers it so its replies can be subscribed to at once, and submits it, with
 * the principal's attributes for the access policies, and, when it opened its conversation, an empty history.
 */
@Component
public class QuestionIntake {

    private static final Logger log = LoggerFactory.getLogger(QuestionIntake.class);
    private static final int MAX_ID_LENGTH = 200;

    private final QuestionSubmitter submitter;
    private final List<ReplyListener> listeners;
    private final PrincipalResolver principals;
    private final DatasourcesProperties datasources;
    private final DatasourcePolicy policy;
    private final Conversations conversations;
    private final SubmissionLimiter limiter;
    private final GatewayProperties properties;
    private final Clock clock;
    private final PrincipalAttributes attributes;

    QuestionIntake(QuestionSubmitter submitter, List<ReplyListener> listeners, PrincipalResolver principals,
                   DatasourcesProperties datasources, DatasourcePolicy policy, Conversations conversations,
                   SubmissionLimiter limiter, GatewayProperties properties, Clock clock,
                   PrincipalAttributes attributes) {
        this.attributes = attributes;
        this.submitter = submitter;
        this.listeners = List.copyOf(listeners);
        this.principals = principals;
        this.datasources = datasources;
        this.policy = policy;
        this.conversations = conversations;
        this.limiter = limiter;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<QuestionAsked> accept(ChatRequest request, ServerWebExchange exchange) {
        return principals.resolve(exchange).flatMap(principal -> attributes.of(principal, exchange.getPrincipal())
                .flatMap(attrs -> accept(request, principal, attrs)));
    }

    /** As {@link #accept(ChatRequest, String, Map)} with only the principal's configured attributes. */
    public Mono<QuestionAsked> accept(ChatRequest request, String principal) {
        return accept(request, principal, attributes.of(principal, (java.security.Principal) null));
    }

    /** The accepted question once Kafka acknowledged it; a {@link ProblemException} when it is not acceptable. */
    public Mono<QuestionAsked> accept(ChatRequest request, String principal, Map<String, String> principalAttributes) {
        return Mono.fromCallable(() -> asked(validated(request), principal).withAttributes(principalAttributes))
                .flatMap(question -> {
                    policy.check(principal, question.datasource());
                    Mono<Claim> conversation = request.conversationId() == null
                            ? conversations.open(principal, question.conversationId())
                            : conversations.claim(principal, question.conversationId());
                    // a conversation opened by this question has no earlier turns: it says so, and the translator
                    // reads none from Redis
                    return conversation.map(claim -> claim == Claim.NEW ? question.openingItsConversation() : question)
                            .defaultIfEmpty(question)
                            .flatMap(asked -> limiter.check(principal).then(submit(asked)));
                });
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
        return Mono.defer(() -> {
            listeners.forEach(l -> l.onQuestion(question));
            return submitter.submit(question);
        }).onErrorMap(e -> !(e instanceof ProblemException), e -> {
            log.warn("Could not submit question {}", question.queryId(), e);
            return ProblemException.of(ErrorCode.UNAVAILABLE,
                    "The question could not be handed to the pipeline; try again shortly.");
        }).thenReturn(question);
    }
}
