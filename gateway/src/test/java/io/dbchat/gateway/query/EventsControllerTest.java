package io.dbchat.gateway.query;

import static io.dbchat.gateway.Fixtures.answered;
import static io.dbchat.gateway.Fixtures.question;
import static io.dbchat.gateway.Fixtures.translating;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.Fixtures;
import io.dbchat.gateway.WebSliceTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class EventsControllerTest extends WebSliceTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Test
    void streamsLiveRepliesWithSeqIdsAndLowerCaseTypesThenCompletes() {
        // Given a query the pipeline has not answered yet
        var q = question(UUID.randomUUID().toString());
        replies.register(q);

        // When a client subscribes and the replies then arrive
        Flux<ServerSentEvent<String>> stream = subscribe(q.queryId(), null);
        Schedulers.parallel().schedule(() -> {
            replies.add(translating(q));
            replies.add(answered(q));
        }, 200, TimeUnit.MILLISECONDS);

        // Then it sees status then final, each with its seq as id and the reply as JSON data
        List<ServerSentEvent<String>> events = replyEvents(stream);
        assertThat(events).extracting(ServerSentEvent::event).containsExactly("status", "final");
        assertThat(events).extracting(ServerSentEvent::id)
                .containsExactly(Long.toString(ReplySeq.translating(1)), Long.toString(ReplySeq.interpreter(1)));
        assertThat(Json.MAPPER.readValue(events.get(1).data(), ReplyMessage.class)).isEqualTo(ReplyMessage.of(answered(q)));
    }

    @Test
    void deliversABurstOfLiveRepliesLargerThanThePublishPrefetchInOrder() {
        // Given a subscriber to an open query
        var q = question(UUID.randomUUID().toString());
        replies.register(q);
        Flux<ServerSentEvent<String>> stream = subscribe(q.queryId(), null);

        // When 40 replies arrive at once, more than the stream prefetches
        Schedulers.parallel().schedule(() -> {
            IntStream.rangeClosed(1, 39).forEach(seq ->
                    replies.add(ReplyEvent.status(q, seq, "translating", Fixtures.NOW)));
            replies.add(answered(q));
        }, 200, TimeUnit.MILLISECONDS);

        // Then every one of them reaches the client, in seq order
        List<ServerSentEvent<String>> events = replyEvents(stream);
        assertThat(events).hasSize(40);
        assertThat(events.subList(0, 39)).extracting(ServerSentEvent::id).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 39).mapToObj(Integer::toString).toList());
        assertThat(events.getLast().event()).isEqualTo("final");
    }

    @Test
    void replaysEverythingToALateSubscriber() {
        var q = question(UUID.randomUUID().toString());
        replies.register(q);
        replies.add(translating(q));
        replies.add(answered(q));

        assertThat(replyEvents(subscribe(q.queryId(), null))).extracting(ServerSentEvent::event)
                .containsExactly("status", "final");
    }

    @Test
    void resumesAfterLastEventId() {
        var q = question(UUID.randomUUID().toString());
        replies.register(q);
        replies.add(translating(q));
        replies.add(answered(q));

        assertThat(replyEvents(subscribe(q.queryId(), Long.toString(ReplySeq.translating(1)))))
                .extracting(ServerSentEvent::event).containsExactly("final");
    }

    @Test
    void sendsHeartbeatCommentsWhileTheQueryIsOpen() {
        var q = question(UUID.randomUUID().toString());
        replies.register(q);
        replies.add(translating(q));

        List<ServerSentEvent<String>> first = subscribe(q.queryId(), null).take(3).collectList().block(Duration.ofSeconds(5));

        assertThat(first).first().extracting(ServerSentEvent::event).isEqualTo("status");
        assertThat(first.subList(1, 3)).allSatisfy(e -> assertThat(e.comment()).isEqualTo("heartbeat"));
    }

    @Test
    void answersAnUnknownQueryWith404Json() {
        client.get().uri("/api/chat/queries/{id}/events", "no-such-query").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
    }

    @Test
    void rejectsALastEventIdThatIsNotASeqWith400() {
        var q = question(UUID.randomUUID().toString());
        replies.register(q);

        client.get().uri("/api/chat/queries/{id}/events", q.queryId()).accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", "yesterday")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_request");
    }

    @Test
    void theStreamedFinalCarriesTheSynchronousAnswerInTheApisOneNamingStyle() {
        var q = question(UUID.randomUUID().toString());
        replies.register(q);
        replies.add(answered(q));

        String data = replyEvents(subscribe(q.queryId(), null)).getLast().data();

        var json = Json.MAPPER.readTree(data);
        assertThat(json.path("query_id").asString()).isEqualTo(q.queryId());
        assertThat(json.path("conversation_id").asString()).isEqualTo(q.conversationId());
        assertThat(json.has("queryId")).isFalse();
        assertThat(json.path("answer")).isEqualTo(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(SyncAnswer.of(answered(q)))));
        assertThat(json.path("answer").path("row_count").asLong()).isEqualTo(1);
        assertThat(json.path("answer").path("columns").get(0).asString()).isEqualTo("orders");
        assertThat(json.path("answer").path("column_types").get(0).asString()).isEqualTo("int8");
        assertThat(json.path("answer").has("rowCount")).isFalse();
    }

    private Flux<ServerSentEvent<String>> subscribe(String queryId, String lastEventId) {
        return client.get().uri("/api/chat/queries/{id}/events", queryId).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .returnResult(SSE).getResponseBody();
    }

    /** The stream's events other than heartbeats, read until the server completes it. */
    private static List<ServerSentEvent<String>> replyEvents(Flux<ServerSentEvent<String>> stream) {
        return stream.filter(e -> e.event() != null).collectList().block(Duration.ofSeconds(5));
    }
}
