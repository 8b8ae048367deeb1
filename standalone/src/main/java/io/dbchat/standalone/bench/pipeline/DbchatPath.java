package io.dbchat.standalone.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * dbchat's whole path as a client sees it: {@code POST /api/chat/query/} on the gateway, answered synchronously
 * once the FINAL reply is in, each question in a conversation of its own. The questions are ones the offline
 * translator answers over the demo database.
 */
final class DbchatPath implements Target {

    static final List<String> QUESTIONS = List.of("How many users are there?", "List the teams",
            "How many projects are there per status?", "How many tasks are there per priority?",
            "How many clients are there?", "Which teams are in Berlin?", "How many invoices are overdue?",
            "How many skills are there per category?");

    private static final Pattern QUERY_ID = Pattern.compile("\"(?:query_id|queryId)\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FINAL = Pattern.compile("\"type\"\\s*:\\s*\"FINAL\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    DbchatPath(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    @Override
    public CompletableFuture<String> ask(int n) {
        String body = "{\"query\":\"" + QUESTIONS.get(n % QUESTIONS.size()) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/chat/query/"))
                .timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            String id = queryId(response.body());
            if (response.statusCode() != 200 || id == null) {
                throw new IllegalStateException("the gateway answered " + response.statusCode() + ": " + response.body());
            }
            return id;
        });
    }

    /** The query id near the start of a record's value or an answer's body; null when there is none. */
    static String queryId(String json) {
        Matcher m = QUERY_ID.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** The tap of a topic on the path: every record names its query id; on replies only the FINAL counts. */
    static StageTaps.Mark mark(ConsumerRecord<String, byte[]> record, boolean finalOnly, String ownTiming) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        if (finalOnly && !FINAL.matcher(json).find()) {
            return null;
        }
        String id = queryId(json);
        if (id == null) {
            return null;
        }
        long own = -1;
        if (ownTiming != null) {
            Matcher m = Pattern.compile("\"" + ownTiming + "\"\\s*:\\s*(\\d+)").matcher(json);
            own = m.find() ? Long.parseLong(m.group(1)) : -1;
        }
        return new StageTaps.Mark(id, own);
    }
}
