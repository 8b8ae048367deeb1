package io.dbchat.standalone.bench.model;

import io.dbchat.contracts.serde.Json;
import io.dbchat.standalone.chaos.Questions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * A model for benchmarks: an OpenAI-compatible chat-completions endpoint that answers every call after a fixed
 * delay, with no thread held by a waiting call (Reactor Netty reads the request, a timer schedules the reply, one
 * event-loop thread writes it). A plain call (the translator's) gets the SQL of the question its prompt ends with,
 * over the demo schema; a streamed call (the interpreter's) gets a short answer in a few server-sent chunks.
 */
public final class ScriptedLlm implements AutoCloseable {

    private static final List<String> ANSWER = List.of("Here ", "is ", "the ", "answer, ", "in ", "the ", "table.");

    private final Duration latency;
    private final LoopResources loops = LoopResources.create("scripted-llm", 1, true);
    private final AtomicLong translations = new AtomicLong();
    private final AtomicLong interpretations = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger mostWaiting = new AtomicInteger();
    private final DisposableServer server;

    public ScriptedLlm(Duration latency) {
        this.latency = latency;
        this.server = HttpServer.create().host("127.0.0.1").port(0).runOn(loops).handle(this::reply).bindNow();
    }

    /** The base URL as OPENAI_BASE_URL takes it. */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** Calls open now: received and not yet answered. */
    public int openCalls() {
        return waiting.get();
    }

    /** The most calls open at once: what the clients' connection pools let through. */
    public int mostAtOnce() {
        return mostWaiting.get();
    }

    /** Plain calls received: translations. */
    public long translations() {
        return translations.get();
    }

    /** Streamed calls received: interpretations. */
    public long interpretations() {
        return interpretations.get();
    }

    private Mono<Void> reply(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString().defaultIfEmpty("{}").flatMap(text -> {
            JsonNode body = Json.MAPPER.readTree(text);
            boolean streamed = body.path("stream").asBoolean(false);
            String reply = streamed ? OpenAiBodies.streamed(ANSWER)
                    : OpenAiBodies.whole(Questions.sqlFor(OpenAiBodies.lastUserMessage(body)));
            (streamed ? interpretations : translations).incrementAndGet();
            mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
            return Mono.delay(latency).then(response.header("content-type", streamed ? "text/event-stream" : "application/json")
                    .sendString(Mono.just(reply)).then()).doFinally(s -> waiting.decrementAndGet());
        });
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
