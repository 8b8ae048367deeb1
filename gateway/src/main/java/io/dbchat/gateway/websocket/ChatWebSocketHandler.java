package io.dbchat.gateway.websocket;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.ChatRequest;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.query.QuestionIntake;
import io.dbchat.gateway.replies.ReplySource;
import io.dbchat.gateway.replies.SlowSubscriberException;
import io.dbchat.gateway.security.PrincipalAttributes;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;

/**
 * {@code /ws/db_chat/query/}: every text frame {@code {"query", "conversation_id"}} is a question; its
 * replies come back on the same socket, many questions interleaved. A bad frame gets an error message and
 * the socket stays open. Outbound messages wait in a buffer of {@code subscriber-buffer}; a client that
 * lets it fill is disconnected (1013, try again later) rather than holding memory.
 */
class ChatWebSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatWebSocketHandler.class);
    private static final int MAX_QUESTIONS_IN_FLIGHT = 64;
    /** A question's replies between its own bounded queue and the socket's: small, allocated per question. */
    private static final int REPLIES_PREFETCH = 8;

    private final QuestionIntake intake;
    private final ReplySource replies;
    private final PrincipalResolver principals;
    private final GatewayProperties properties;
    private final PrincipalAttributes attributes;

    ChatWebSocketHandler(QuestionIntake intake, ReplySource replies, PrincipalResolver principals,
                         GatewayProperties properties, PrincipalAttributes attributes) {
        this.attributes = attributes;
        this.intake = intake;
        this.replies = replies;
        this.principals = principals;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return principals.resolve(session.getHandshakeInfo().getPrincipal()).flatMap(principal -> attributes
                .of(principal, session.getHandshakeInfo().getPrincipal()).flatMap(attrs -> {
            Flux<WebSocketMessage> outbound = session.receive()
                    .map(WebSocketMessage::getPayloadAsText)
                    .flatMap(frame -> answer(frame, principal, attrs), MAX_QUESTIONS_IN_FLIGHT)
                    .onBackpressureBuffer(properties.subscriberBuffer(), dropped -> { }, BufferOverflowStrategy.ERROR)
                    .map(message -> session.textMessage(Json.MAPPER.writeValueAsString(message)));
            return session.send(outbound).onErrorResume(e -> closeSlow(session, e));
        }));
    }

    private Flux<Map<String, Object>> answer(String frame, String principal, Map<String, String> attrs) {
        ChatRequest request;
        try {
            request = Json.MAPPER.readValue(frame, ChatRequest.class);
        } catch (JacksonException e) {
            return Flux.just(WsMessages.error(ErrorCode.INVALID_REQUEST.problem(
                    "The message is not valid JSON of the form {\"query\": ..., \"conversation_id\": ...}."), null, null));
        }
        String conversationId = request == null ? null : request.conversationId();
        return intake.accept(request, principal, attrs)
                // rendered and sent off the reply feed's one thread, in the order the feed offered them
                .flatMapMany(q -> replies.events(q.queryId(), -1).publishOn(Schedulers.parallel(), REPLIES_PREFETCH))
                .map(WsMessages::of)
                .onErrorResume(e -> Flux.just(WsMessages.error(problem(e), null, conversationId)));
    }

    private static Problem problem(Throwable e) {
        if (e instanceof ProblemException p) {
            return p.problem();
        }
        if (e instanceof SlowSubscriberException) {
            return ErrorCode.UNAVAILABLE.problem(e.getMessage());
        }
        log.error("WebSocket question failed", e);
        return ErrorCode.INTERNAL.problem("Internal error; the question could not be completed.");
    }

    private static Mono<Void> closeSlow(WebSocketSession session, Throwable error) {
        log.debug("Closing WebSocket {}: {}", session.getId(), error.toString());
        return session.close(new CloseStatus(1013, "client too slow; reconnect"));
    }
}
