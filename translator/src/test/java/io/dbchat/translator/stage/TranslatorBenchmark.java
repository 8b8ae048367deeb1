package io.dbchat.translator.stage;

import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.llm.LlmStub;
import io.dbchat.translator.Fixtures;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
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
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Throughput of the translator stage with a slow LLM (issue 5): an embedded broker, a stub answering after a fixed
 * latency, N questions over M conversations on P partitions, one stage instance with one stream thread. Reports
 * questions per second, latency percentiles, the most calls in flight, duplicates, per-conversation order, and CPU
 * time per question split by thread group, with the stub LLM's CPU apart (it runs in a JVM of its own by default).
 * Arguments: questions conversations latencyMs maxInFlight partitions [blocking] [stub-inside] [commit=ms].
 */
public final class TranslatorBenchmark {

    /** What the optional words after the five numbers ask for. */
    private record Mode(boolean blocking, boolean stubInside, Duration commitInterval, int warmup) {

        static Mode of(String[] args) {
            boolean blocking = false;
            boolean stubInside = false;
            Duration commit = null;
            int warmup = 0;
            for (int i = 5; i < args.length; i++) {
                String a = args[i];
                if (a.equals("blocking")) {
                    blocking = true;
                } else if (a.equals("stub-inside")) {
                    stubInside = true;
                } else if (a.startsWith("commit=")) {
                    commit = Duration.ofMillis(Long.parseLong(a.substring("commit=".length())));
                } else if (a.startsWith("warmup=")) {
                    warmup = Integer.parseInt(a.substring("warmup=".length()));
                } else {
                    throw new IllegalArgumentException("Unknown option " + a
                            + ": use blocking, stub-inside, commit=<ms> or warmup=<questions>");
                }
            }
            return new Mode(blocking, stubInside, commit, warmup);
        }
    }

    public static void main(String[] args) throws Exception {
        int questions = arg(args, 0, 6000);
        int conversations = arg(args, 1, 1500);
        int latencyMs = arg(args, 2, 2000);
        int maxInFlight = arg(args, 3, 1000);
        int partitions = arg(args, 4, 6);
        Mode mode = Mode.of(args);
        var kafka = StageHarness.broker(partitions);
        try {
            var harness = new StageHarness(kafka.getBrokersAsString(), partitions);
            if (mode.commitInterval() != null) {
                harness = harness.withCommitInterval(mode.commitInterval());
            }
            System.out.printf("commit interval %d ms, producer linger.ms 0 (the stages' defaults are 10 ms and 0)%n",
                    harness.settings.commitInterval().toMillis());
            if (mode.stubInside()) {
                try (var stub = new LlmStub().withoutRecording()) {
                    stub.answerWith(r -> LlmStub.Reply.text("SELECT 1").after(Duration.ofMillis(latencyMs)));
                    run(harness, stub.openAiBaseUrl(), () -> Duration.ZERO, questions, conversations, maxInFlight, mode);
                }
            } else {
                try (var stub = LlmStubProcess.start(latencyMs)) {
                    run(harness, stub.openAiBaseUrl(), stub::cpu, questions, conversations, maxInFlight, mode);
                }
            }
        } finally {
            kafka.destroy();
        }
        System.exit(0);
    }

    private static void run(StageHarness harness, String llmUrl, Supplier<Duration> stubCpu, int n, int conversations,
                            int maxInFlight, Mode mode) throws Exception {
        Translator llm = StageHarness.llm(llmUrl, Duration.ofSeconds(60), "stub-model");
        Translator translator = mode.blocking() ? blockingView(llm) : llm;
        var options = new TranslatorTopology.Options(2, new AsyncSettings(maxInFlight, Duration.ofMinutes(5), Duration.ofMillis(5)));
        try (var stage = harness.start(translator, options, 1)) {
            awaitRunning(stage.streams());
            harness.publish(Fixtures.PROJECTS, List.of());
            Thread.sleep(1000);
            if (mode.warmup() > 0) {
                // the same work first, unmeasured: a long-running stage has its code compiled and its pools filled
                harness.publish(Fixtures.PROJECTS, questions("w-", mode.warmup(), conversations));
                Result warm = read(harness, "w-", mode.warmup(), Duration.ofMinutes(10));
                System.out.printf("warm-up: %d questions translated%n", warm.latenciesMs().size());
            }
            AtomicInteger maxSeen = new AtomicInteger();
            var sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> maxSeen.accumulateAndGet(stage.inFlight().getAsInt(), Math::max),
                    0, 20, TimeUnit.MILLISECONDS);
            var cpu = new CpuByThread(harness.settings.topicPrefix() + TranslatorStageConfiguration.STAGE);
            Duration stubBefore = stubCpu.get();
            long started = System.currentTimeMillis();
            harness.publish(Fixtures.PROJECTS, questions("q-", n, conversations));
            long published = System.currentTimeMillis();
            Result result = read(harness, "q-", n, Duration.ofMinutes(mode.blocking() ? 2 : 10));
            Map<String, Long> used = cpu.sinceStart();
            long stubMs = stubCpu.get().minus(stubBefore).toMillis();
            sampler.shutdownNow();
            report(n, conversations, started, published, result, maxSeen.get(), mode.blocking());
            reportCpu(used, stubMs, Math.max(1, result.latenciesMs().size()), mode.stubInside());
        }
    }

    private static void reportCpu(Map<String, Long> used, long stubMs, int done, boolean stubInside) {
        System.out.printf("CPU per question (ms), this JVM%s:%n", stubInside ? " (the stub LLM inside, on the same carriers)" : "");
        used.forEach((group, ms) -> System.out.printf("  %-70s %7d ms  %6.2f%n", group, ms, (double) ms / done));
        long stage = used.get(CpuByThread.STREAM_THREAD) + used.get(CpuByThread.STAGE_CLIENTS) + used.get(CpuByThread.LLM_CALLS);
        System.out.printf("  %-70s %7d ms  %6.2f%n", "translator stage (stream thread + its clients + LLM calls)", stage,
                (double) stage / done);
        if (!stubInside) {
            System.out.printf("  %-70s %7d ms  %6.2f%n", "stub LLM process (separate JVM)", stubMs, (double) stubMs / done);
        }
    }

    /** Query ids {@code prefix + number}, in order within each conversation (conversation ids carry the prefix too). */
    private static List<QuestionAsked> questions(String prefix, int n, int conversations) {
        List<QuestionAsked> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(QuestionAsked.of(prefix + "%07d".formatted(i), prefix + "c-" + (i % conversations), "bench", "demo",
                    "How many projects are On Hold?", Instant.now()));
        }
        return out;
    }

    /** What the reader saw: latencies, the last arrival, duplicates and order violations within conversations. */
    private record Result(List<Long> latenciesMs, long lastArrival, int duplicates, int outOfOrder) {
    }

    /** Reads the SQL of the {@code n} questions whose ids start with {@code prefix}; others are skipped. */
    private static Result read(StageHarness harness, String prefix, int n, Duration timeout) {
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
                    if (!p.queryId().startsWith(prefix)) {
                        continue;
                    }
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

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
