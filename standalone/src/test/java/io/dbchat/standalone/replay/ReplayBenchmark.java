package io.dbchat.standalone.replay;

import io.dbchat.gateway.audit.AuditRecords;
import io.dbchat.gateway.audit.AuditSearch;
import io.dbchat.standalone.Standalone;
import io.dbchat.standalone.StandaloneSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

/**
 * Benchmark, not a test: the embedded default with the offline translator answers {@code n} questions (default 300,
 * the demo's evaluation questions over and over), then replays them all with the offline translator as fast as the
 * pipeline takes them ({@code --rate 10000}) and prints the replay's throughput, from the first question published
 * to the last answer (the replay's own stages' start-up excluded). Usage: {@code ReplayBenchmark [n]}.
 */
public final class ReplayBenchmark {

    private static final List<String> QUESTIONS = List.of("How many users are there?", "List the teams",
            "How many projects are there per status?", "How many tasks are there per priority?",
            "How many clients are there?", "Which teams are in Berlin?", "How many invoices are overdue?",
            "How many skills are there per category?");

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (Standalone dbchat = Standalone.start(new StandaloneSettings(Map.of(), List.of("--server.port=0")))) {
            String base = "http://127.0.0.1:" + dbchat.port();
            HttpClient http = HttpClient.newHttpClient();
            awaitSchema(http, base);
            Instant from = Instant.now().minusSeconds(1);
            var pool = Executors.newFixedThreadPool(8);
            List<Future<?>> asked = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String q = QUESTIONS.get(i % QUESTIONS.size());
                asked.add(pool.submit(() -> ask(http, base, q)));
            }
            for (Future<?> f : asked) {
                f.get();
            }
            pool.shutdown();
            Instant to = Instant.now().plusSeconds(1);
            AuditRecords audit = dbchat.gateway().getBean(AuditRecords.class);
            while (audit.search(new AuditSearch(null, null, from, to, null, null, 0, 1)).total() < n) {
                Thread.sleep(200);
            }
            var options = new ReplayOptions(from, to, null, null, "offline", null, null, null, 1, 10_000, n,
                    Duration.ofMinutes(10), dbchat.infrastructureProperties().get("dbchat.kafka.bootstrap-servers"),
                    "dbchat.");
            long[] firstPublished = {0};
            long[] lastAnswered = {0};
            ReplayReport report = new ReplayRun(options, dbchat.infrastructureProperties(), (published, finished, total) -> {
                if (published == 1 && firstPublished[0] == 0) {
                    firstPublished[0] = System.nanoTime();
                }
                if (finished == total) {
                    lastAnswered[0] = System.nanoTime();
                }
            }).run();
            double seconds = (lastAnswered[0] - firstPublished[0]) / 1e9;
            System.out.print(report.summary());
            System.out.printf("replayed %d questions in %.2f s: %.1f questions/s%n", report.changes().size(), seconds,
                    report.changes().size() / seconds);
        }
        System.exit(0);
    }

    private static void ask(HttpClient http, String base, String question) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/query/"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + question + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitSchema(HttpClient http, String base) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/chat/schema-info/")).build();
        while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            Thread.sleep(250);
        }
    }
}
