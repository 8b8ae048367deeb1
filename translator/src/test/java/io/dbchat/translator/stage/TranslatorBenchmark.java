package io.dbchat.translator.stage;

import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.llm.LlmStub;
import io.dbchat.translator.Fixtures;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Throughput of the translator stage with a slow LLM (issue 5): an embedded broker, a stub answering after a fixed
 * latency, N questions over M conversations on P partitions, one stage instance with one stream thread. Reports
 * questions per second, latency percentiles, the most calls in flight, duplicates and per-conversation order.
 * Arguments: questions conversations latencyMs maxInFlight partitions [blocking].
 */
public final class TranslatorBenchmark {

    public static void main(String[] args) throws Exception {
        int questions = arg(args, 0, 6000);
        int conversations = arg(args, 1, 1500);
        int latencyMs = arg(args, 2, 2000);
        int maxInFlight = arg(args, 3, 1000);
        int partitions = arg(args, 4, 6);
        boolean blocking = args.length > 5 && args[5].equals("blocking");
        var kafka = StageHarness.broker(partitions);
        try (var stub = new LlmStub()) {
            stub.answerWith(r -> LlmStub.Reply.text("SELECT 1").after(Duration.ofMillis(latencyMs)));
            run(new StageHarness(kafka.getBrokersAsString(), partitions), stub, questions, conversations, maxInFlight, blocking);
        } finally {
            kafka.destroy();
        }
        System.exit(0);
    }

    private static void run(StageHarness harness, LlmStub stub, int n, int conversations, int maxInFlight, boolean blocking)
            throws Exception {
        Translator llm = StageHarness.llm(stub, Duration.ofSeconds(60));
        Translator translator = blocking ? blockingView(llm) : llm;
        var options = new TranslatorTopology.Options(2, new AsyncSettings(maxInFlight, Duration.ofMinutes(5), Duration.ofMillis(5)));
        try (var stage = harness.start(translator, options, 1)) {
            awaitRunning(stage.streams());
            harness.publish(Fixtures.PROJECTS, List.of());
            Thread.sleep(1000);
            AtomicInteger maxSeen = new AtomicInteger();
            var sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> maxSeen.accumulateAndGet(stage.inFlight().getAsInt(), Math::max),
                    0, 20, TimeUnit.MILLISECONDS);
            long cpuBefore = processCpuNanos();
            long started = System.currentTimeMillis();
            harness.publish(Fixtures.PROJECTS, questions(n, conversations));
            long published = System.currentTimeMillis();
            Result result = read(harness, n, Duration.ofMinutes(blocking ? 2 : 10));
            long cpuMs = (processCpuNanos() - cpuBefore) / 1_000_000;
            sampler.shutdownNow();
            report(n, conversations, started, published, result, maxSeen.get(), blocking);
            // broker, stub and stage share this JVM: the CPU per question bounds throughput on an idle machine
            System.out.printf("process CPU %d ms = %.2f ms per question (all in-process: broker, stub, stage, reader)%n",
                    cpuMs, (double) cpuMs / Math.max(1, result.latenciesMs().size()));
        }
    }

    private static List<QuestionAsked> questions(int n, int conversations) {
        List<QuestionAsked> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(QuestionAsked.of("q-%07d".formatted(i), "c-" + (i % conversations), "bench", "demo",
                    "How many projects are On Hold?", Instant.now()));
        }
        return out;
    }

    /** What the reader saw: latencies, the last arrival, duplicates and order violations within conversations. */
    private record Result(List<Long> latenciesMs, long lastArrival, int duplicates, int outOfOrder) {
    }

    private static Result read(StageHarness harness, int n, Duration timeout) {
        List<Long> latencies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> lastByConversation = new HashMap<>();
        int duplicates = 0;
        int outOfOrder = 0;
        long last = 0;
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        try (var reader = harness.sqlReader()) {
            while (seen.size() < n && System.currentTimeMillis() < deadline) {
                for (var record : reader.poll(Duration.ofMillis(100))) {
                    SqlProposed p = record.value();
                    if (!seen.add(p.queryId())) {
                        duplicates++;
                        continue;
                    }
                    String previous = lastByConversation.put(p.question().conversationId(), p.queryId());
                    if (previous != null && previous.compareTo(p.queryId()) > 0) {
                        outOfOrder++;
                    }
                    last = System.currentTimeMillis();
                    latencies.add(last - p.question().askedAt().toEpochMilli());
                }
            }
        }
        return new Result(latencies, last, duplicates, outOfOrder);
    }

    private static void report(int n, int conversations, long started, long published, Result r, int maxInFlight,
                               boolean blocking) {
        List<Long> sorted = r.latenciesMs().stream().sorted().toList();
        double seconds = (r.lastArrival() - started) / 1000.0;
        System.out.printf("%s: %d questions over %d conversations, published in %d ms%n",
                blocking ? "blocking translator" : "async translator", n, conversations, published - started);
        System.out.printf("translated %d in %.1f s = %.1f questions/s%n", sorted.size(), seconds, sorted.size() / seconds);
        if (!sorted.isEmpty()) {
            System.out.printf("latency p50 %d ms, p99 %d ms, max %d ms%n", percentile(sorted, 50), percentile(sorted, 99),
                    sorted.getLast());
        }
        System.out.printf("max calls in flight %d; duplicates %d; out of order within a conversation %d%n",
                maxInFlight, r.duplicates(), r.outOfOrder());
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The same LLM translator run on the stream thread: what a blocking design achieves. */
    private static Translator blockingView(Translator llm) {
        return new Translator() {
            @Override
            public Translation translate(TranslationRequest request) {
                return llm.translate(request);
            }
        };
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        while (streams.state() != KafkaStreams.State.RUNNING) {
            Thread.sleep(100);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
