package io.dbchat.gateway.query;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.replies.ConversationCursor;
import io.dbchat.gateway.replies.ReplySource;
import io.dbchat.gateway.replies.SlowSubscriberException;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Replies as Server-Sent Events (event = reply type in lower case, data = a {@link ReplyMessage}), with
 * heartbeat comments while open. A query's stream ({@code id} = seq) replays from the start or after
 * {@code Last-Event-ID} and ends after FINAL or ERROR; a conversation's stream ({@code id} = queryId:seq)
 * carries every query of the conversation and stays open. A subscriber that falls behind gets a comment
 * saying so and the stream ends: it resumes with the last id it received.
 */
@RestController
class EventsController {

    /**
     * Replies waiting between the subscriber's own bounded queue and the socket. Small, since publish
     * allocates all of it for every open stream, and the subscriber's queue already absorbs bursts.
     */
    private static final int PUBLISH_PREFETCH = 8;

    private final ReplySource replies;
    private final QueryAccess access;
    private final Conversations conversations;
    private final PrincipalResolver principals;
    private final GatewayProperties properties;

    EventsController(ReplySource replies, QueryAccess access, Conversations conversations,
                     PrincipalResolver principals, GatewayProperties properties) {
        this.replies = replies;
        this.access = access;
        this.conversations = conversations;
        this.principals = principals;
        this.properties = properties;
    }

    @GetMapping(path = "/api/chat/queries/{queryId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> events(@PathVariable String queryId,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                         ServerWebExchange exchange) {
        long afterSeq = afterSeq(lastEventId);
        return principals.resolve(exchange)
                .flatMap(p -> access.owned(queryId, p))
                .flatMapMany(view -> stream(replies.events(queryId, afterSeq), r -> Long.toString(r.seq())));
    }

    @GetMapping(path = "/api/chat/conversations/{conversationId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> conversationEvents(
            @PathVariable String conversationId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            ServerWebExchange exchange) {
        ConversationCursor cursor = cursor(lastEventId);
        return principals.resolve(exchange)
                .flatMap(p -> conversations.requireOwned(p, conversationId))
                .thenMany(Flux.defer(() -> stream(replies.conversationEvents(conversationId, cursor),
                        r -> new ConversationCursor(r.queryId(), r.seq()).eventId())));
    }

    private Flux<ServerSentEvent<String>> stream(Flux<ReplyEvent> events, Function<ReplyEvent, String> id) {
        // rendered and written off the reply feed's one thread, which offers the replies of every query (in order:
        // the hop keeps the order the feed offered them in)
        return events.publishOn(Schedulers.parallel(), PUBLISH_PREFETCH)
                .map(r -> toSse(r, id.apply(r)))
                .onErrorResume(SlowSubscriberException.class, e -> Flux.just(comment(e.getMessage())))
                .publish(sse -> Flux.merge(sse, heartbeats(sse)), PUBLISH_PREFETCH);
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

    private static ConversationCursor cursor(String lastEventId) {
        try {
            return ConversationCursor.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST,
                    "Last-Event-ID must be the id (queryId:seq) of a received event.");
        }
    }

    static ServerSentEvent<String> toSse(ReplyEvent reply, String id) {
        return ServerSentEvent.<String>builder()
                .id(id)
                .event(reply.type().name().toLowerCase(Locale.ROOT))
                .data(Json.MAPPER.writeValueAsString(ReplyMessage.of(reply)))
                .build();
    }

    private static ServerSentEvent<String> comment(String text) {
        return ServerSentEvent.<String>builder().comment(text).build();
    }
}
