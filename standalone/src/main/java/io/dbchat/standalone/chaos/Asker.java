package io.dbchat.standalone.chaos;

import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.query.ReplyMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A client of the gateways' asynchronous API, as a user's browser is: submits a question to one gateway
 * (the other when that one does not answer), then follows its events over SSE, and when the stream breaks
 * reconnects, to either gateway, with {@code Last-Event-ID}. Events are de-duplicated by (query id, seq).
 */
final class Asker {

    private static final Duration RETRY = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final List<String> gateways;
    private final AtomicInteger next = new AtomicInteger();

    Asker(List<String> gateways) {
        this.gateways = gateways;
    }

    /** An accepted question: where it was asked and what its subscriber saw. */
    static final class Asked {
        final String queryId;
        final String conversationId;
        final Instant acceptedAt;
        final Map<Long, ReplyMessage> events = new HashMap<>();
        int deliveries;
        int finals;
        int reconnects;
        ReplyMessage terminal;
        Instant answeredAt;

        Asked(String queryId, String conversationId, Instant acceptedAt) {
            this.queryId = queryId;
            this.conversationId = conversationId;
            this.acceptedAt = acceptedAt;
        }

        boolean answeredWell() {
            return terminal != null && terminal.type() == ReplyType.FINAL && terminal.answer().problem() == null;
        }
    }

    /** Submits until a gateway accepts it or the deadline passes; null when none did. */
    Asked submit(String question, String conversationId, Instant deadline) {
        String body = Json.MAPPER.writeValueAsString(conversationId == null ? Map.of("query", question)
                : Map.of("query", question, "conversation_id", conversationId));
        while (Instant.now().isBefore(deadline)) {
            String gateway = gateways.get(Math.floorMod(next.getAndIncrement(), gateways.size()));
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/chat/queries"))
                        .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    JsonNode accepted = Json.MAPPER.readTree(response.body());
                    return new Asked(accepted.path("query_id").asString(), accepted.path("conversation_id").asString(),
                            Instant.now());
                }
            } catch (IOException e) {
                // that gateway is down: the next one is tried
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause();
        }
        return null;
    }

    /** Follows the question's events until its FINAL or ERROR, or the deadline; returns the same object, filled in. */
    Asked follow(Asked asked, Instant deadline) {
        int gateway = Math.floorMod(next.getAndIncrement(), gateways.size());
        long lastSeq = -1;
        while (asked.terminal == null && Instant.now().isBefore(deadline)) {
            var request = HttpRequest.newBuilder(URI.create(gateways.get(gateway) + "/api/chat/queries/" + asked.queryId + "/events"))
                    .header("accept", "text/event-stream");
            if (lastSeq >= 0) {
                request.header("Last-Event-ID", Long.toString(lastSeq));
            }
            try {
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    lastSeq = readUntil(asked, response.body(), lastSeq, deadline);
                } else {
                    response.body().close();
                }
            } catch (IOException | UncheckedIOException e) {
                // the gateway died under the stream: go on from the last event, elsewhere
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return asked;
            }
            if (asked.terminal == null) {
                asked.reconnects++;
                gateway = (gateway + 1) % gateways.size();
                pause();
            }
        }
        return asked;
    }

    /**
     * Reads the stream until it ends or the deadline passes: an open stream that never carries the answer (a stage
     * that never started, say) must not hold the follower past its deadline. The reading thread is interrupted at the
     * deadline, which closes the response body under it.
     */
    private static long readUntil(Asked asked, Stream<String> lines, long lastSeq, Instant deadline)
            throws InterruptedException {
        long[] seen = {lastSeq};
        Thread reader = Thread.ofVirtual().name("chaos-sse-" + asked.queryId).start(() -> {
            try {
                seen[0] = read(asked, lines, seen[0]);
            } catch (UncheckedIOException e) {
                // the stream broke or was closed at the deadline: the caller reconnects or gives up
            }
        });
        Duration left = Duration.between(Instant.now(), deadline);
        if (!reader.join(left.isNegative() ? Duration.ZERO : left)) {
            reader.interrupt();
            lines.close();
            reader.join(RETRY.multipliedBy(20));
        }
        return seen[0];
    }

    private static long read(Asked asked, Stream<String> lines, long lastSeq) {
        long seen = lastSeq;
        try (lines) {
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    ReplyMessage event = Json.MAPPER.readValue(data.toString(), ReplyMessage.class);
                    data.setLength(0);
                    seen = Math.max(seen, event.seq());
                    record(asked, event);
                }
            }
        }
        return seen;
    }

    private static void record(Asked asked, ReplyMessage event) {
        asked.deliveries++;
        if (asked.events.putIfAbsent(event.seq(), event) != null) {
            return;
        }
        if (event.type() == ReplyType.FINAL || event.type() == ReplyType.ERROR) {
            asked.finals++;
            if (asked.terminal == null) {
                asked.terminal = event;
                asked.answeredAt = Instant.now();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
