package io.dbchat.standalone.bench.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dbchat bench pipeline [--short] [--report FILE.json] [--chart FILE.svg] [--rate N] [--sequential N]
 * [--concurrency 1,8,...] [--duration SECONDS]
 * [--profile FILE.jfr]}: how long and how hard to drive the bare chain and dbchat.
 */
record PipelineBenchOptions(boolean shortProfile, Path report, Path chart, double rate, int sequential,
                            List<Integer> concurrency, Duration duration, Duration warmup, Path profile) {

    static final String USAGE = "usage: dbchat bench pipeline [--short] [--report FILE.json] [--chart FILE.svg]"
            + " [--rate PER_SECOND] [--sequential N] [--concurrency 1,8,32,...] [--duration SECONDS] [--profile FILE.jfr]";

    static final String HELP = """

            Starts the embedded default (broker, demo PostgreSQL, Redis, all stages, offline translator) and, against
            the same broker, a bare Kafka Streams chain with as many topics and stages as the question's path
            (questions -> sql -> results -> replies), the stages' exactly-once settings, commit interval and linger,
            forwarding records of the sizes dbchat writes. Each is measured in turn: one question at a time at a fixed
            rate (latency percentiles, and a per-stage breakdown read from the topics), then closed-loop clients at
            rising concurrency until the CPU is full (throughput, latency, CPU per question). Prints the figures and
            each dbchat figure's ratio to the bare chain's, and writes a JSON report and an SVG chart.

              --short              a profile that runs in well under a minute (for tests; figures are rough)
              --report FILE        the JSON report (default bench-pipeline.json)
              --chart FILE         the SVG chart (default: the report's name with .svg)
              --rate N             questions per second of the one-at-a-time run (default 10)
              --sequential N       questions in the one-at-a-time run (default 200)
              --concurrency LIST   clients per step, rising (default 1,4,16,32,64,128,256)
              --duration SECONDS   measured time per step (default 10), after a warm-up of a fifth of it
              --profile FILE       record a JFR CPU profile of dbchat's steps of 64 clients and more (or of its
                                   last step when there are fewer) into FILE
              --help               print this and exit""";

    static PipelineBenchOptions parse(String[] args) {
        boolean shortProfile = List.of(args).contains("--short");
        Path report = Path.of("bench-pipeline.json");
        Path chart = null;
        Path profile = null;
        double rate = 10;
        int sequential = shortProfile ? 20 : 200;
        List<Integer> concurrency = shortProfile ? List.of(1, 8, 32) : List.of(1, 4, 16, 32, 64, 128, 256);
        Duration duration = Duration.ofSeconds(shortProfile ? 2 : 10);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--short")) {
                continue;
            }
            if (i + 1 >= args.length || !name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            String value = args[++i];
            switch (name) {
                case "--report" -> report = Path.of(value);
                case "--chart" -> chart = Path.of(value);
                case "--profile" -> profile = Path.of(value);
                case "--rate" -> rate = positive(Double.parseDouble(value), name);
                case "--sequential" -> sequential = (int) positive(Integer.parseInt(value), name);
                case "--concurrency" -> concurrency = levels(value);
                case "--duration" -> duration = Duration.ofMillis((long) (positive(Double.parseDouble(value), name) * 1000));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (chart == null) {
            String name = report.getFileName().toString();
            chart = report.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".svg");
        }
        return new PipelineBenchOptions(shortProfile, report, chart, rate, sequential, concurrency, duration,
                duration.dividedBy(5), profile);
    }

    private static double positive(double value, String name) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    private static List<Integer> levels(String value) {
        List<Integer> levels = new ArrayList<>();
        for (String part : value.split(",")) {
            int level = Integer.parseInt(part.strip());
            if (level < 1 || (!levels.isEmpty() && level <= levels.getLast())) {
                throw new IllegalArgumentException("--concurrency must be rising positive numbers: " + value);
            }
            levels.add(level);
        }
        return List.copyOf(levels);
    }
}
