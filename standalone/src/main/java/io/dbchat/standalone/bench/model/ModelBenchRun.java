package io.dbchat.standalone.bench.model;

import io.dbchat.contracts.serde.Json;
import io.dbchat.standalone.Standalone;
import io.dbchat.standalone.StandaloneSettings;
import io.dbchat.standalone.chaos.Questions;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model-bound run: the scripted model, the embedded default with its translator and interpreter pointed at it,
 * the unmeasured warm-up, then the measured questions with the timeline sampled and, once a third are answered,
 * the memory probe (a full GC; it pauses the run once).
 */
final class ModelBenchRun {

    private static final Logger log = LoggerFactory.getLogger(ModelBenchRun.class);
    /**
     * Above any latency of a working run and the gateway's own answer timeout (raise that with
     * --dbchat.gateway.answer-timeout=10m to measure an overloaded path): a question that takes longer has failed.
     */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(15);

    private final ModelBenchOptions options;

    ModelBenchRun(ModelBenchOptions options) {
        this.options = options;
    }

    ModelBenchReport run() {
        double loadBefore = loadAverage();
        // the stages' Kafka clients warn of every transaction retried under load (CONCURRENT_TRANSACTIONS): noise here
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.org.apache.kafka=ERROR"));
        args.addAll(options.stageArguments());
        // the path measured is two model calls per question: the semantic cache would answer repeated questions
        // without the translation call, unless asked for (--dbchat.translator.knowledge.cache=true)
        if (args.stream().noneMatch(a -> a.startsWith("--dbchat.translator.knowledge.cache="))) {
            args.add("--dbchat.translator.knowledge.cache=false");
        }
        try (var model = new ScriptedLlm(options.modelLatency());
             var dbchat = Standalone.start(new StandaloneSettings(Map.of("DBCHAT_LLM_PROVIDER", "openai",
                     "DBCHAT_LLM_MODEL", "scripted", "OPENAI_BASE_URL", model.openAiBaseUrl(), "OPENAI_API_KEY", "bench"),
                     args));
             var askers = new Askers(dbchat.port(), options.clients(), ANSWER_TIMEOUT)) {
            askers.awaitSchema(Duration.ofMinutes(2));
            if (options.warmup() > 0) {
                log.info("Warm-up: {} questions, not measured", options.warmup());
                askers.ask(options.warmup(), i -> Questions.at(i).text()).blockLast();
            }
            long translations = model.translations();
            long interpretations = model.interpretations();
            MeterRegistry meters = dbchat.gateway().getBean("dbchatPrometheusMeterRegistry", MeterRegistry.class);
            long idle = options.memoryProbe() ? liveHeap() : 0;
            log.info("Measuring: {} questions from {} clients", options.questions(), options.clients());
            try (var timeline = new Timeline(meters, askers::inFlight).start(options.sampleEvery().toMillis())) {
                Measured measured = measure(askers, timeline, idle);
                return report(measured, timeline.samples(), loadBefore, model.translations() - translations,
                        model.interpretations() - interpretations, model.mostAtOnce());
            }
        }
    }

    private record Measured(long[] nanos, Map<String, Long> failures, long elapsedNanos, long cpuNanos,
                            ModelBenchReport.Memory memory) {
    }

    private Measured measure(Askers askers, Timeline timeline, long idle) {
        int n = options.questions();
        long[] nanos = new long[n];
        AtomicInteger done = new AtomicInteger();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        AtomicBoolean probed = new AtomicBoolean(!options.memoryProbe());
        AtomicReference<ModelBenchReport.Memory> memory = new AtomicReference<>();
        AtomicReference<Thread> prober = new AtomicReference<>();
        long started = System.nanoTime();
        long cpu = processCpu();
        askers.ask(n, i -> Questions.at(i).text()).doOnNext(o -> {
            nanos[done.getAndIncrement()] = o.nanos();
            if (o.failure() != null) {
                failures.merge(o.failure(), 1L, Long::sum);
            }
            if (done.get() >= n / 3 && probed.compareAndSet(false, true)) {
                // off the client's event loop: a full GC with thousands of questions in flight
                prober.set(Thread.ofPlatform().daemon().start(() -> memory.set(probe(idle, timeline))));
            }
        }).blockLast();
        long elapsed = System.nanoTime() - started;
        cpu = processCpu() - cpu;
        if (prober.get() != null) {
            try {
                prober.get().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Measured(nanos, failures, elapsed, cpu, memory.get());
    }

    private static ModelBenchReport.Memory probe(long idle, Timeline timeline) {
        int inFlight = timeline.now().clients();
        long live = liveHeap();
        return new ModelBenchReport.Memory(idle, live, inFlight, inFlight == 0 ? 0 : Math.max(0, live - idle) / inFlight);
    }

    private ModelBenchReport report(Measured m, List<Timeline.Sample> samples, double loadBefore, long translations,
                                    long interpretations, int modelAtOnce) {
        long failed = m.failures().values().stream().mapToLong(Long::longValue).sum();
        double seconds = Math.round(m.elapsedNanos() / 10_000_000.0) / 100.0;
        long[] sorted = m.nanos().clone();
        Arrays.sort(sorted);
        Map<String, Long> latency = new LinkedHashMap<>();
        for (var p : List.of(Map.entry("p50", 0.50), Map.entry("p90", 0.90), Map.entry("p99", 0.99), Map.entry("max", 1.0))) {
            latency.put(p.getKey(), sorted[Math.min(sorted.length - 1, (int) Math.ceil(p.getValue() * sorted.length) - 1)] / 1_000_000);
        }
        Map<String, Long> most = new LinkedHashMap<>();
        most.put("clients", samples.stream().mapToLong(Timeline.Sample::clients).max().orElse(0));
        most.put("gateway", samples.stream().mapToLong(Timeline.Sample::gateway).max().orElse(0));
        most.put("translator", samples.stream().mapToLong(Timeline.Sample::translator).max().orElse(0));
        most.put("executor", samples.stream().mapToLong(Timeline.Sample::executor).max().orElse(0));
        most.put("interpreter", samples.stream().mapToLong(Timeline.Sample::interpreter).max().orElse(0));
        most.put("threads", samples.stream().mapToLong(Timeline.Sample::threads).max().orElse(0));
        var report = new ModelBenchReport(options.profile(), options.questions(), options.clients(),
                options.modelLatency().toMillis(), options.warmup(), options.stageArguments(), loadBefore, loadAverage(),
                options.questions() - failed, failed, new TreeMap<>(m.failures()), seconds,
                Math.round(options.questions() * 1e10 / m.elapsedNanos()) / 10.0, latency, most,
                Math.round(m.cpuNanos() / 1e4 / options.questions()) / 100.0, translations, interpretations, modelAtOnce, m.memory(),
                samples);
        write(report);
        return report;
    }

    private void write(ModelBenchReport report) {
        try {
            if (options.report().getParent() != null) {
                Files.createDirectories(options.report().getParent());
            }
            Files.writeString(options.report(), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + options.report(), e);
        }
    }

    /** The heap still reachable after a full collection. */
    private static long liveHeap() {
        ManagementFactory.getMemoryMXBean().gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the whole process: the stages, the broker, PostgreSQL's and Redis's clients, the model, the clients. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
