package io.dbchat.standalone.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * What a fault-injection run does. The short profile ({@code deploy/chaos}) asks 120 questions with one kill of a
 * translator, the executor, the interpreter and a gateway, and PostgreSQL, Redis, the model and the broker each
 * stopped once; the build profile (the test suite runs it) is the short one with two kills instead of four, a
 * translator (a stage with a twin beside it) and a gateway (its subscribers go on at the other), so every kind of
 * fault still happens once while the suite spends two JVM restarts less; the long profile (release checks) asks
 * 5,000 with every stage instance killed three times and every dependency stopped twice. A recovery is timed from the end of the fault (the restart of the killed
 * process, the dependency back) until every partition answers; it includes the restarted JVM's own start, which
 * takes 10-40 s on a busy 2-core machine, hence the 60 s bound.
 *
 * @param stageHeap each stage JVM's -Xmx: 512m, since a translator with a model embeds every question for the semantic
 *                  cache and loading the 90 MB MiniLM model takes more than 320m at once (it ran out at 320m)
 * @param recoveryFix false runs the stages with the group settings from before static membership (a 45 s session)
 * @param serviceJars the project directory whose {@code <stage>/target/*-exec.jar} to run; null runs the stages'
 *                    main classes from this JVM's class path
 */
record ChaosOptions(
        String profile,
        int questions,
        double rate,
        List<String> kills,
        int outagesPerDependency,
        Duration modelLatency,
        Duration recoveryBound,
        Duration answerDeadline,
        long seed,
        boolean recoveryFix,
        String stageHeap,
        Path work,
        Path serviceJars,
        Path report) {

    /** The same run with the stages started as deploy/ starts them: {@code java -jar <stage>-exec.jar}. */
    ChaosOptions withServiceJars(Path project) {
        return new ChaosOptions(profile, questions, rate, kills, outagesPerDependency, modelLatency, recoveryBound,
                answerDeadline, seed, recoveryFix, stageHeap, work, project, report);
    }

    static ChaosOptions profile(String name, Path work) {
        return switch (name) {
            case "build" -> new ChaosOptions(name, 120, 2, List.of("translator-a", "gateway-a"), 1,
                    Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofSeconds(120), 17, true, "512m", work, null,
                    work.resolve("chaos-report.json"));
            case "short" -> new ChaosOptions(name, 120, 2,
                    List.of("translator-a", "executor", "interpreter", "gateway-a"), 1, Duration.ofMillis(300), Duration.ofSeconds(60),
                    Duration.ofSeconds(120), 17, true, "512m", work, null, work.resolve("chaos-report.json"));
            case "long" -> new ChaosOptions(name, 5000, 8, Collections.nCopies(3, Cluster.INSTANCES).stream()
                    .flatMap(List::stream).toList(), 2, Duration.ofMillis(500), Duration.ofSeconds(60),
                    Duration.ofSeconds(180), 17, true, "512m", work, null, work.resolve("chaos-report.json"));
            default -> throw new IllegalArgumentException("no such profile: " + name + " (build, short or long)");
        };
    }
}
