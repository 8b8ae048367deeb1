package io.dbchat.gateway.query;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.replies.ReplySource;
import io.dbchat.gateway.replies.SlowSubscriberException;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/chat/queries/{id}/events}: a query's replies as Server-Sent Events (id = seq, event =
 * reply type in lower case, data = the ReplyEvent JSON), replayed from the start or after
 * {@code Last-Event-ID}, with heartbeat comments while open; the stream ends after FINAL or ERROR.
 */
@RestController
class EventsController {

    private final ReplySource replies;
    private final GatewayProperties properties;

    EventsController(ReplySource replies, GatewayProperties properties) {
        this.replies = replies;
        this.properties = properties;
    }

    @GetMapping(path = "/api/chat/queries/{queryId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> events(@PathVariable String queryId,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long afterSeq = afterSeq(lastEventId);
        if (replies.find(queryId).isEmpty()) {
            throw ProblemException.of(ErrorCode.NOT_FOUND, "Unknown query '" + queryId + "'.");
        }
        return replies.events(queryId, afterSeq)
                .map(EventsController::toSse)
                .onErrorResume(SlowSubscriberException.class, e -> Flux.just(comment(e.getMessage())))
                .publish(events -> Flux.merge(events, heartbeats(events)));
    }

    private Flux<ServerSentEvent<String>> heartbeats(Flux<ServerSentEvent<String>> events) {
        // stops with the replies, so the stream completes right after the terminal reply
        return Flux.interval(properties.heartbeat())
                .map(tick -> comment("heartbeat"))
                .takeUntilOther(events.then(Mono.just(true)));
    }

    private static long afterSeq(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST, "Last-Event-ID must be the seq of a received event.");
        }
    }

    static ServerSentEvent<String> toSse(ReplyEvent reply) {
        return ServerSentEvent.<String>builder()
                .id(Long.toString(reply.seq()))
                .event(reply.type().name().toLowerCase(Locale.ROOT))
                .data(Json.MAPPER.writeValueAsString(reply))
                .build();
    }

    private static ServerSentEvent<String> comment(String text) {
        return ServerSentEvent.<String>builder().comment(text).build();
    }
}
