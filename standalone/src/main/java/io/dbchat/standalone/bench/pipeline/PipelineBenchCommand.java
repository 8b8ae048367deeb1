package io.dbchat.standalone.bench.pipeline;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.standalone.Standalone;
import io.dbchat.standalone.StandaloneSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code dbchat bench pipeline}: starts the embedded default with the offline translator, measures a bare Kafka
 * Streams chain on its broker, then dbchat's whole path, in one run and in the same conditions, and reports each
 * dbchat figure beside the bare chain's. Exit code 0 when run, 2 on bad usage, 1 on failure.
 */
public final class PipelineBenchCommand {

    private static final List<String> STAGES = List.of("translator", "executor", "interpreter");

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
            out.print(System.lineSeparator() + "=".repeat(72) + System.lineSeparator() + "dbchat bench pipeline"
                    + System.lineSeparator() + "=".repeat(72) + System.lineSeparator() + report.summary());
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
        double loadAtStart = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String started = Instant.now().toString();
        var path = new DbchatPath(dbchat.port());
        path.awaitSchema(Duration.ofMinutes(2));
        List<String> dbchatTopics = List.of(topics.questions().name(), topics.sql().name(), topics.results().name(),
                topics.replies().name());
        new Load(path).sequential(Math.min(40, options.sequential()), 50, (id, asked, answered) -> { });
        int[] sizes = PathSizes.measure(pipeline, dbchatTopics, topics.replies().name());

        String prefix = pipeline.topicPrefix() + "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        PipelineBenchReport.Run bare;
        try (var chain = new BareChain(pipeline, prefix, sizes, submitLinger)) {
            chain.start(Duration.ofMinutes(1));
            out.println("bench: the bare chain is running");
            bare = run("bare Kafka Streams chain", chain, chain.topics(), List.of("stage 1", "stage 2", "stage 3"),
                    sizes, pipeline, r -> new StageTaps.Mark(r.key(), -1), options, null, out);
        }
        out.println("bench: dbchat");
        PipelineBenchReport.Run measured = run("dbchat, offline translator", path, dbchatTopics, STAGES, sizes, pipeline,
                null, options, options.profile(), out);
        var shared = new PipelineBenchReport.Settings("exactly_once_v2", pipeline.commitInterval().toMillis(), 0,
                submitLinger.toMillis(), pipeline.partitions(), options.rate(), options.sequential(),
                options.duration().toMillis() / 1000.0);
        return new PipelineBenchReport(started, Runtime.getRuntime().availableProcessors(), loadAtStart, shared, bare,
                measured, PipelineBenchReport.ratios(bare, measured));
    }

    /** One path: one at a time with the taps on, then rising concurrency until the CPU is full. */
    private static PipelineBenchReport.Run run(String name, Target target, List<String> topics, List<String> stages,
                                               int[] sizes, PipelineProperties pipeline,
                                               java.util.function.Function<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>, StageTaps.Mark> bareMark,
                                               PipelineBenchOptions options, java.nio.file.Path profile, PrintStream out)
            throws Exception {
        var load = new Load(target);
        List<Breakdown.Traced> traced = new ArrayList<>();
        Figures sequential;
        List<long[]> answers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<java.util.function.Function<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>, StageTaps.Mark>> marks =
                new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            boolean last = i == topics.size() - 1;
            String own = i == 1 ? "latencyMs" : i == 2 ? "execMs" : null;
            marks.add(bareMark != null ? bareMark : r -> DbchatPath.mark(r, last, own));
        }
        try (var taps = new StageTaps(pipeline, topics, marks)) {
            sequential = load.sequential(options.sequential(), options.rate(), (id, asked, answered) -> {
                ids.add(id);
                answers.add(new long[] {asked, answered});
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (int i = 0; i < ids.size(); i++) {
                StageTaps.Seen seen;
                while ((seen = taps.complete(ids.get(i))) == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (seen != null) {
                    traced.add(new Breakdown.Traced(answers.get(i)[0], answers.get(i)[1], seen));
                }
            }
        }
        out.printf("bench: %s one at a time: p50 %.1f ms%n", name, sequential.p50());
        List<Figures> steps = new ArrayList<>();
        int profileFrom = Math.min(64, options.concurrency().getLast());
        jdk.jfr.Recording recording = null;
        for (int clients : options.concurrency()) {
            if (profile != null && recording == null && clients >= profileFrom) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
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
            recording.stop();
            recording.dump(profile);
            recording.close();
        }
        return new PipelineBenchReport.Run(name, topics, stages, sizes, sequential, Breakdown.of(topics, stages, traced),
                List.copyOf(steps));
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
