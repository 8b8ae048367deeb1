package io.dbchat.standalone.bench.model;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code dbchat bench model [--short] [--questions N] [--clients C] [--model-latency 2s] [--warmup N]
 * [--sample-every 500ms] [--no-memory-probe] [--report <file>] [--<spring.property>=<value> ...]}: the whole path
 * with a scripted model (two calls per question). Prints a summary and writes a JSON report; exits 1 when a
 * question went unanswered, 2 on bad arguments.
 */
public final class ModelBenchCommand {

    static final String USAGE = """
            usage: dbchat bench model [--short] [--questions N] [--clients C] [--model-latency 2s] [--warmup N]
                                      [--sample-every 500ms] [--no-memory-probe] [--report FILE] [--dbchat.x.y=VALUE ...]
              Starts the embedded default with its translator and interpreter pointed at a scripted model that
              answers each call after --model-latency (two calls per question), asks N questions from C concurrent
              clients and reports throughput, latency percentiles, answered and failed counts and each stage's
              calls in flight over time. --short: a quick run with 200 ms calls. Arguments of the form
              --key=value with a dot in the key go to the stages (e.g. --dbchat.interpreter.max-in-flight=256).
            """;

    private ModelBenchCommand() {
    }

    public static int run(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return 0;
        }
        ModelBenchOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        // thousands of clients time out only when something is wrong; the stages' Kafka chatter is noise here
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.ERROR);
        ModelBenchReport report = new ModelBenchRun(options).run();
        System.out.println(report.summary());
        System.out.println("report: " + options.report().toAbsolutePath());
        return report.failed() == 0 ? 0 : 1;
    }

    static ModelBenchOptions parse(String[] args) {
        ModelBenchOptions o = ModelBenchOptions.profile(List.of(args).contains("--short") ? "short" : "full");
        int questions = o.questions();
        int clients = o.clients();
        int warmup = o.warmup();
        Duration latency = o.modelLatency();
        Duration sample = o.sampleEvery();
        boolean probe = o.memoryProbe();
        Path report = o.report();
        List<String> stage = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--short")) {
                continue;
            }
            if (option.equals("--no-memory-probe")) {
                probe = false;
                continue;
            }
            if (option.startsWith("--") && option.contains("=") && option.substring(0, option.indexOf('=')).contains(".")) {
                stage.add(option);
                continue;
            }
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            switch (option) {
                case "--questions" -> questions = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--model-latency" -> latency = duration(value);
                case "--sample-every" -> sample = duration(value);
                case "--report" -> report = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new ModelBenchOptions(o.profile(), questions, clients, latency, warmup, sample, probe, report, stage);
    }

    /** 2s, 200ms, 1m. */
    private static Duration duration(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                : Duration.parse("PT" + v);
    }
}
