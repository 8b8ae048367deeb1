package io.dbchat.standalone.bench.pipeline;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.standalone.Standalone;
import io.dbchat.standalone.StandaloneSettings;
import io.dbchat.standalone.eval.ChatClient;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * {@code dbchat bench pipeline}: starts the embedded default with the offline translator, measures a bare Kafka
 * Streams chain on its broker, then dbchat's whole path, in one run and in the same conditions, and reports each
 * dbchat figure beside the bare chain's. Exit code 0 when run, 2 on bad usage, 1 on failure.
 */
public final class PipelineBenchCommand {

    private static final List<String> STAGES = List.of("translator", "executor", "interpreter");
    /** The stages' own timings carried by their records: the translator's on sql, the statement's on results. */
    private static final List<String> OWN_TIMINGS = java.util.Arrays.asList(null, "latencyMs", "execMs", null);

    private PipelineBenchCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(PipelineBenchOptions.USAGE);
            out.println(PipelineBenchOptions.HELP);
            return 0;
        }
        PipelineBenchOptions options;
        try {
            options = PipelineBenchOptions.parse(args);
        } catch (RuntimeException e) {
            err.println("dbchat bench pipeline: " + e.getMessage());
            err.println(PipelineBenchOptions.USAGE);
            return 2;
        }
        Map<String, String> env = new HashMap<>(environment);
        env.remove("DBCHAT_DATASOURCE_URL");
        env.remove("DBCHAT_KAFKA_BOOTSTRAP_SERVERS");
        var settings = new StandaloneSettings(env, List.of("--server.port=0", "--dbchat.llm.provider=offline"));
        try {
            PipelineBenchReport report;
            try (Standalone dbchat = Standalone.start(settings)) {
                report = measure(dbchat, options, out);
            }
            report.write(options.report());
            Chart.write(options.chart(), List.of(report.bare(), report.dbchat()));
            String rule = "=".repeat(72) + System.lineSeparator();
            out.print(System.lineSeparator() + rule + "dbchat bench pipeline" + System.lineSeparator() + rule
                    + report.summary());
            out.println("Report: " + options.report().toAbsolutePath() + ", chart: " + options.chart().toAbsolutePath());
            return 0;
        } catch (Exception e) {
            err.println("dbchat bench pipeline failed: " + e);
            return 1;
        }
    }

    private static PipelineBenchReport measure(Standalone dbchat, PipelineBenchOptions options, PrintStream out)
            throws Exception {
        var gateway = dbchat.gateway();
        PipelineProperties pipeline = gateway.getBean(PipelineProperties.class);
        Topics topics = gateway.getBean(Topics.class);
        Duration submitLinger = gateway.getEnvironment().getProperty("dbchat.gateway.submit-linger", Duration.class,
                Duration.ofMillis(2));
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String started = Instant.now().toString();
        new ChatClient(dbchat.port(), Duration.ofSeconds(60)).awaitSchema(Duration.ofMinutes(2));
        var path = new DbchatPath(dbchat.port());
        List<String> dbchatTopics = List.of(topics.questions().name(), topics.sql().name(), topics.results().name(),
                topics.replies().name());
        // a first few questions, so that the sizes of dbchat's records are known before the bare chain copies them
        new Load(path).sequential(Math.min(40, options.sequential()), 50, (id, asked, answered) -> { });
        int[] sizes = PathSizes.measure(pipeline, dbchatTopics, topics.replies().name());

        String prefix = pipeline.topicPrefix() + "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        PipelineBenchReport.Run bare;
        try (var chain = new BareChain(pipeline, prefix, sizes, submitLinger)) {
            chain.start(Duration.ofMinutes(1));
            List<StageTaps.Marker> byKey = chain.topics().stream()
                    .<StageTaps.Marker>map(t -> r -> new StageTaps.Mark(r.key(), -1)).toList();
            bare = run(new Subject("bare Kafka Streams chain", chain, chain.topics(), List.of("stage 1", "stage 2",
                    "stage 3"), byKey), sizes, pipeline, options, null, out);
        }
        List<StageTaps.Marker> byQueryId = new ArrayList<>();
        for (int i = 0; i < dbchatTopics.size(); i++) {
            boolean replies = i == dbchatTopics.size() - 1;
            String own = OWN_TIMINGS.get(i);
            byQueryId.add(r -> DbchatPath.mark(r, replies, own));
        }
        PipelineBenchReport.Run measured = run(new Subject("dbchat, offline translator", path, dbchatTopics, STAGES,
                byQueryId), sizes, pipeline, options, options.profile(), out);
        var shared = new PipelineBenchReport.Settings("exactly_once_v2", pipeline.commitInterval().toMillis(), 0,
                submitLinger.toMillis(), pipeline.partitions(), options.rate(), options.sequential(),
                options.duration().toMillis() / 1000.0);
        return new PipelineBenchReport(started, Runtime.getRuntime().availableProcessors(), loadAtStart, shared, bare,
                measured, PipelineBenchReport.ratios(bare, measured));
    }

    /** A path to measure: what drives it, its topics and stages, and how its records name their question. */
    private record Subject(String name, Target target, List<String> topics, List<String> stages,
                        List<StageTaps.Marker> marks) {
    }

    /** One path: one at a time with the taps on, then rising concurrency until the CPU is full. */
    private static PipelineBenchReport.Run run(Subject path, int[] sizes, PipelineProperties pipeline,
                                               PipelineBenchOptions options, Path profile, PrintStream out)
            throws Exception {
        var load = new Load(path.target());
        List<String> ids = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        List<Breakdown.Traced> traced = new ArrayList<>();
        Figures sequential;
        RecordCounts.Counts records;
        try (var taps = new StageTaps(pipeline, path.topics(), path.marks())) {
            var counts = RecordCounts.start(pipeline);
            sequential = load.sequential(options.sequential(), options.rate(), (id, asked, answered) -> {
                ids.add(id);
                times.add(new long[] {asked, answered});
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (int i = 0; i < ids.size(); i++) {
                StageTaps.Seen seen;
                while ((seen = taps.complete(ids.get(i))) == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (seen != null) {
                    traced.add(new Breakdown.Traced(times.get(i)[0], times.get(i)[1], seen));
                }
            }
            // what is written after the answer (the audit's fold, offsets, a changelog flushed at the next commit)
            Thread.sleep(2_000);
            records = counts.stop(ids.size());
        }
        out.printf("bench: %s one at a time: p50 %.1f ms%n", path.name(), sequential.p50());
        List<Figures> steps = steps(path.name(), load, options, profile, out);
        return new PipelineBenchReport.Run(path.name(), path.topics(), path.stages(), sizes, sequential,
                Breakdown.of(path.topics(), path.stages(), traced), steps, records);
    }

    /** Rising concurrency until the CPU is full; with a profile, JFR records from 64 clients (or the last step) on. */
    private static List<Figures> steps(String name, Load load, PipelineBenchOptions options, Path profile,
                                       PrintStream out) throws Exception {
        List<Figures> steps = new ArrayList<>();
        int profileFrom = Math.min(64, options.concurrency().getLast());
        Recording recording = null;
        try {
            for (int clients : options.concurrency()) {
                if (profile != null && recording == null && clients >= profileFrom) {
                    recording = new Recording(Configuration.getConfiguration("profile"));
                    // five times the profile's rate: a loaded 2-core machine gives few samples at 10 ms
                    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
                    recording.start();
                }
                Figures f = load.concurrent(clients, options.warmup(), options.duration());
                steps.add(f);
                out.printf("bench: %s, %d clients: %.1f answers/s, p50 %.1f ms, machine CPU %.0f%%%n", name, clients,
                        f.perSecond(), f.p50(), 100 * f.machineCpu());
                if (cpuFull(steps)) {
                    break;
                }
            }
            if (recording != null) {
                recording.dump(profile);
            }
        } finally {
            if (recording != null) {
                recording.close();
            }
        }
        return List.copyOf(steps);
    }

    /** The CPU is full when the machine is busy and one more step of clients brought under 5% more answers. */
    static boolean cpuFull(List<Figures> steps) {
        if (steps.size() < 3) {
            return false;
        }
        Figures last = steps.getLast();
        double before = steps.subList(0, steps.size() - 1).stream().mapToDouble(Figures::perSecond).max().orElse(0);
        return last.machineCpu() >= 0.95 && last.perSecond() < 1.05 * before;
    }
}
