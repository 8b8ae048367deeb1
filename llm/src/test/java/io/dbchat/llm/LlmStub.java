package io.dbchat.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;

/**
 * A local stand-in for an LLM provider that speaks the OpenAI chat-completions API (plain and streamed, also as
 * Azure OpenAI serves it under {@code /openai/deployments/<name>/}), Anthropic's messages API and Gemini's
 * generateContent (plain and streamed), records every request it is sent, and answers from a script: queued
 * replies first, then a default function of the request. Tests assert on what the real client sent.
 */
public final class LlmStub implements AutoCloseable {

    /**
     * A scripted answer: text (streamed in {@code chunks} pieces, {@code pause} apart when not zero), or an HTTP error
     * status, after a delay.
     */
    public record Reply(String text, int status, Duration delay, List<String> chunks, Duration pause) {

        public static Reply text(String text) {
            return new Reply(text, 200, Duration.ZERO, List.of(text.split("(?<= )")), Duration.ZERO);
        }

        public static Reply error(int status) {
            return new Reply("{\"error\":{\"message\":\"stub error " + status + "\",\"type\":\"server_error\"}}",
                    status, Duration.ZERO, List.of(), Duration.ZERO);
        }

        public Reply after(Duration wait) {
            return new Reply(text, status, wait, chunks, pause);
        }

        /** Streamed (OpenAI's way) one chunk at a time, {@code every} apart, as a slow model writes. */
        public Reply paced(Duration every) {
            return new Reply(text, status, delay, chunks, every);
        }
    }

    /** One request as received: path, query string (null when none), parsed JSON body and headers. */
    public record Recorded(String path, String query, JsonNode body, Map<String, List<String>> headers) {

        /** All message contents of the request joined, for assertions on what the prompt held. */
        public String prompt() {
            StringBuilder all = new StringBuilder();
            body.path("system").forEach(s -> all.append(s.path("text").asString("")).append('\n'));
            if (body.path("system").isString()) {
                all.append(body.path("system").asString()).append('\n');
            }
            body.path("systemInstruction").path("parts").forEach(s -> all.append(s.path("text").asString("")).append('\n'));
            body.path("contents").forEach(c -> c.path("parts").forEach(t -> all.append(t.path("text").asString(""))
                    .append('\n')));
            for (JsonNode m : body.path("messages")) {
                JsonNode content = m.path("content");
                if (content.isString()) {
                    all.append(content.asString()).append('\n');
                } else {
                    content.forEach(c -> all.append(c.path("text").asString("")).append('\n'));
                }
            }
            return all.toString();
        }
    }

    private final HttpServer server;
    private final String base;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Function<Recorded, Reply> fallback = r -> Reply.text("SELECT 1");
    private volatile boolean recording = true;

    public LlmStub() {
        this(null);
    }

    /** Over TLS with {@code tls}'s certificate ({@link SelfSignedTls}), for clients that send a key only over HTTPS. */
    public LlmStub(SSLContext tls) {
        try {
            var address = new InetSocketAddress("127.0.0.1", 0);
            if (tls == null) {
                server = HttpServer.create(address, 1024);
            } else {
                var https = HttpsServer.create(address, 1024);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        base = (tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort();
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The OpenAI-compatible base URL, as OPENAI_BASE_URL takes it. */
    public String openAiBaseUrl() {
        return base + "/v1";
    }

    /** The Anthropic base URL, as the Anthropic client takes it. */
    public String anthropicBaseUrl() {
        return base + "/v1/";
    }

    /** The Gemini API's base URL, as the Gemini client takes it. */
    public String geminiBaseUrl() {
        return base + "/v1beta";
    }

    /** The endpoint of an Azure OpenAI resource, as the Azure client takes it (which sends its key only over TLS). */
    public String azureEndpoint() {
        return base;
    }

    public LlmStub enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public LlmStub answerWith(Function<Recorded, Reply> answer) {
        this.fallback = answer;
        return this;
    }

    /** Keeps no requests from now on: a load test sends thousands, and copying the list on each one costs more than the reply. */
    public LlmStub withoutRecording() {
        this.recording = false;
        return this;
    }

    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            var recorded = new Recorded(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(), body,
                    Map.copyOf(exchange.getRequestHeaders()));
            if (recording) {
                requests.add(recorded);
            }
            Reply reply = script.poll();
            reply = reply != null ? reply : fallback.apply(recorded);
            sleep(reply.delay());
            if (reply.status() != 200) {
                send(exchange, reply.status(), "application/json", reply.text());
            } else if (recorded.path().endsWith(":streamGenerateContent")) {
                send(exchange, 200, "text/event-stream", StubBodies.geminiStream(reply.chunks()));
            } else if (recorded.path().endsWith(":generateContent")) {
                send(exchange, 200, "application/json", StubBodies.gemini(reply.text()));
            } else if (recorded.path().endsWith("/messages")) {
                send(exchange, 200, "application/json", StubBodies.anthropic(reply.text()));
            } else if (body.path("stream").asBoolean(false) && !reply.pause().isZero()) {
                sendPaced(exchange, reply);
            } else if (body.path("stream").asBoolean(false)) {
                send(exchange, 200, "text/event-stream", StubBodies.openAiStream(reply.chunks()));
            } else {
                send(exchange, 200, "application/json", StubBodies.openAi(reply.text()));
            }
        }
    }

    /** Writes each chunk as it would come; a client that goes away before the end is counted as {@link #abandoned}. */
    private void sendPaced(HttpExchange exchange, Reply reply) {
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String chunk : reply.chunks()) {
                out.write(StubBodies.openAiChunk(chunk).getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(reply.pause());
            }
            out.write(StubBodies.openAiEnd(reply.chunks().size()).getBytes(StandardCharsets.UTF_8));
            out.close();
        } catch (IOException e) {
            abandoned.incrementAndGet();
        }
    }

    /** How many paced streams their client left before the end. */
    public int abandoned() {
        return abandoned.get();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
