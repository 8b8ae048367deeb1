package io.dbchat.standalone.chaos;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code dbchat chaos [--profile build|short|long] [--questions N] [--rate per-second] [--seed N]
 * [--recovery-bound 60s] [--before-fix] [--service-jars <project dir>] [--work <dir>] [--report <file>]}:
 * a fault-injection run against the stages as separate processes. Prints one summary line; exits 1 when a
 * question was lost or duplicated or a recovery was slower than the bound, 2 on bad arguments.
 */
public final class ChaosCommand {

    private ChaosCommand() {
    }

    public static int run(String[] args) {
        ChaosOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        // the run's own clients retry through every outage on purpose: their connection warnings are noise here
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.ERROR);
        ChaosReport report = new ChaosRun(options).run();
        System.out.println(report.summary());
        System.out.println("report: " + options.report().toAbsolutePath());
        return report.passed() ? 0 : 1;
    }

    static ChaosOptions parse(String[] args) {
        String profile = "short";
        Path work = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--profile")) {
                profile = args[i + 1];
            } else if (args[i].equals("--work")) {
                work = Path.of(args[i + 1]);
            }
        }
        if (work == null) {
            work = Path.of("target", "chaos-" + profile + "-" + System.currentTimeMillis());
        }
        ChaosOptions o = ChaosOptions.profile(profile, work);
        int questions = o.questions();
        double rate = o.rate();
        long seed = o.seed();
        boolean fix = true;
        Duration bound = o.recoveryBound();
        Path jars = null;
        Path report = o.report();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--before-fix")) {
                fix = false;
                continue;
            }
            String option = args[i];
            String value = require(option, i + 1 < args.length ? args[++i] : null);
            switch (option) {
                case "--profile", "--work" -> {
                }
                case "--questions" -> questions = Integer.parseInt(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--recovery-bound" -> bound = Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
                case "--service-jars" -> jars = Path.of(value);
                case "--report" -> report = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new ChaosOptions(o.profile(), questions, rate, o.kills(), o.outagesPerDependency(), o.modelLatency(),
                bound, o.answerDeadline(), seed, fix, o.stageHeap(), work, jars, report);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
