package io.dbchat.standalone.bench.pipeline;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code dbchat bench pipeline} measured: the settings both paths shared, each path's one-at-a-time figures,
 * breakdown and steps of rising concurrency, and the ratio of each dbchat figure to the bare chain's.
 */
record PipelineBenchReport(String startedAt, int cores, double loadAverageAtStart, Settings settings, Run bare,
                           Run dbchat, Ratios ratios) {

    private static final JsonMapper MAPPER = Json.MAPPER.rebuild()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What both paths shared. */
    record Settings(String processingGuarantee, long commitIntervalMs, int producerLingerMs, long submitLingerMs,
                    int partitions, double rate, int sequentialQuestions, double stepSeconds) {
    }

    /** One path's measurements; {@code records}: what the one-at-a-time questions wrote to the broker. */
    record Run(String name, List<String> topics, List<String> stages, int[] recordSizes, Figures sequential,
               Breakdown breakdown, List<Figures> steps, RecordCounts.Counts records) {

        Figures peak() {
            return steps.stream().max(java.util.Comparator.comparingDouble(Figures::perSecond)).orElse(null);
        }
    }

    /** dbchat over the bare chain, figure by figure (above 1: dbchat is slower, or for throughput, faster). */
    record Ratios(double sequentialP50, double sequentialP90, double sequentialP99, double peakThroughput,
                  double cpuPerQuestionAtPeak, List<StepRatio> steps) {
    }

    /** At one number of clients: dbchat's throughput and p50 over the bare chain's. */
    record StepRatio(int clients, double throughput, double p50) {
    }

    static Ratios ratios(Run bare, Run dbchat) {
        List<StepRatio> steps = new ArrayList<>();
        for (Figures d : dbchat.steps()) {
            bare.steps().stream().filter(b -> b.clients() == d.clients()).findFirst().ifPresent(b -> steps.add(
                    new StepRatio(d.clients(), ratio(d.perSecond(), b.perSecond()), ratio(d.p50(), b.p50()))));
        }
        Figures bs = bare.sequential();
        Figures ds = dbchat.sequential();
        return new Ratios(ratio(ds.p50(), bs.p50()), ratio(ds.p90(), bs.p90()), ratio(ds.p99(), bs.p99()),
                ratio(dbchat.peak().perSecond(), bare.peak().perSecond()),
                ratio(dbchat.peak().cpuMsPerQuestion(), bare.peak().cpuMsPerQuestion()), List.copyOf(steps));
    }

    /** What the names of a path's topics start with (dbchat's topic prefix, or the bare chain's). */
    private static String commonPrefix(List<String> topics) {
        String prefix = topics.getFirst();
        for (String t : topics) {
            while (!t.startsWith(prefix)) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
        }
        return prefix;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : Math.round(a / b * 1000) / 1000.0;
    }

    void write(Path file) throws IOException {
        Files.writeString(file, MAPPER.writeValueAsString(this), StandardCharsets.UTF_8);
    }

    /** The figures as a few tables of text. */
    String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d cores, load average %.2f at the start; %s, commit every %d ms, linger %d ms"
                        + " (questions %d ms), %d partitions%n", cores, loadAverageAtStart, settings.processingGuarantee(),
                settings.commitIntervalMs(), settings.producerLingerMs(), settings.submitLingerMs(), settings.partitions()));
        for (Run run : List.of(bare, dbchat)) {
            Figures q = run.sequential();
            s.append(String.format(Locale.ROOT, "%n%s (record sizes %s bytes)%n", run.name(),
                    java.util.Arrays.toString(run.recordSizes())));
            s.append(String.format(Locale.ROOT, "  one at a time, %.0f/s: p50 %.1f ms, p90 %.1f, p99 %.1f (%d answered,"
                    + " %d failed, load %.2f)%n", settings.rate(), q.p50(), q.p90(), q.p99(), q.answered(), q.failed(),
                    q.loadAverage()));
            s.append(run.breakdown().text());
            if (run.records() != null) {
                s.append(run.records().text(commonPrefix(run.topics())));
            }
            s.append(String.format(Locale.ROOT, "  %7s %9s %8s %8s %8s %10s %7s %6s %6s%n", "clients", "answers/s", "p50",
                    "p90", "p99", "cpu ms/q", "machine", "load", "failed"));
            for (Figures f : run.steps()) {
                s.append(String.format(Locale.ROOT, "  %7d %9.1f %8.1f %8.1f %8.1f %10.2f %6.0f%% %6.2f %6d%n",
                        f.clients(), f.perSecond(), f.p50(), f.p90(), f.p99(), f.cpuMsPerQuestion(),
                        100 * f.machineCpu(), f.loadAverage(), f.failed()));
            }
        }
        s.append(String.format(Locale.ROOT, "%ndbchat / bare chain: one at a time p50 %.2fx, p90 %.2fx, p99 %.2fx;"
                        + " peak throughput %.3fx; CPU per question at peak %.1fx%n", ratios.sequentialP50(),
                ratios.sequentialP90(), ratios.sequentialP99(), ratios.peakThroughput(), ratios.cpuPerQuestionAtPeak()));
        if (bare.records() != null && dbchat.records() != null) {
            double b = Math.max(1, bare.records().questions());
            double d = Math.max(1, dbchat.records().questions());
            s.append(String.format(Locale.ROOT, "  appends per question: %.1f records and %.1f markers against the bare"
                            + " chain's %.1f and %.1f%n", dbchat.records().records() / d, dbchat.records().markers() / d,
                    bare.records().records() / b, bare.records().markers() / b));
        }
        for (StepRatio r : ratios.steps()) {
            s.append(String.format(Locale.ROOT, "  %4d clients: throughput %.3fx, p50 %.2fx%n", r.clients(),
                    r.throughput(), r.p50()));
        }
        return s.toString();
    }
}
