package io.dbchat.standalone.bench.model;

import io.dbchat.contracts.serde.Json;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's clients: {@code clients} questions in flight at once on the gateway's synchronous API, each a
 * connection of its own, all on two event-loop threads (no thread waits for an answer). A question counts as
 * answered when the gateway answers 200 with a reply and no problem.
 */
final class Askers implements AutoCloseable {

    /** One question's fate: its latency, and null or why it failed. */
    record Outcome(long nanos, String failure) {
    }

    private final ConnectionProvider connections;
    private final LoopResources loops = LoopResources.create("bench-client", 2, true);
    private final HttpClient http;
    private final int clients;
    private final AtomicInteger inFlight = new AtomicInteger();

    Askers(int port, int clients, Duration answerTimeout) {
        this.clients = clients;
        this.connections = ConnectionProvider.builder("bench-clients").maxConnections(clients)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(answerTimeout).build();
        this.http = HttpClient.create(connections).runOn(loops).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(answerTimeout).headers(h -> h.set("content-type", "application/json"));
    }

    /** Asks the questions {@code questions} yields for {@code 0..count-1}, {@code clients} at a time. */
    Flux<Outcome> ask(int count, java.util.function.IntFunction<String> questions) {
        return Flux.range(0, count).flatMap(i -> one(questions.apply(i)), clients, 1);
    }

    /** Waits until the gateway knows the datasource's schema (GET /api/chat/schema-info/ answers 200). */
    void awaitSchema(Duration patience) {
        http.get().uri("/api/chat/schema-info/").responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                .onErrorReturn(0)
                .filter(status -> status == 200)
                .repeatWhenEmpty(tries -> tries.delayElements(Duration.ofMillis(250)))
                .timeout(patience)
                .block();
    }

    int inFlight() {
        return inFlight.get();
    }

    private Mono<Outcome> one(String question) {
        String body = Json.MAPPER.writeValueAsString(Map.of("query", question));
        return Mono.defer(() -> {
            long started = System.nanoTime();
            inFlight.incrementAndGet();
            return http.post().uri("/api/chat/query/").send(ByteBufMono.fromString(Mono.just(body)))
                    .responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                            .map(text -> new Outcome(System.nanoTime() - started, failure(response.status().code(), text))))
                    .onErrorResume(e -> Mono.just(new Outcome(System.nanoTime() - started, e.getClass().getSimpleName())))
                    .doFinally(s -> inFlight.decrementAndGet());
        });
    }

    /** Null for an answer; else a short reason: the HTTP status, the problem's code, an empty reply. */
    static String failure(int status, String text) {
        if (status != 200) {
            return "http " + status;
        }
        JsonNode answer = Json.MAPPER.readTree(text);
        JsonNode problem = answer.path("problem");
        if (!problem.isMissingNode() && !problem.isNull()) {
            return "problem " + problem.path("code").asString("?");
        }
        return answer.path("reply").asString("").isBlank() ? "empty reply" : null;
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
