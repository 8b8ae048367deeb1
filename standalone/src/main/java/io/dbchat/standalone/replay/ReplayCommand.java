package io.dbchat.standalone.replay;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code dbchat replay}: re-runs the recorded questions of a stretch of time in a namespace of their own and reports
 * what changed. Exit code 0 when no more than {@code --max-regressions} of the results got worse, 3 when more did,
 * 2 on bad usage (a replay of a replay among it), 1 on failure. Ctrl-C stops publishing and reports what was answered.
 */
public final class ReplayCommand {

    /** The exit code of a replay in which too many results got worse. */
    public static final int TOO_MANY_REGRESSIONS = 3;

    private ReplayCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), Map.of(), System.out, System.err);
    }

    /** {@code stageProperties}: Spring properties for the replay's stages, beyond what the environment says. */
    public static int run(String[] args, Map<String, String> environment, Map<String, String> stageProperties,
                          PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(ReplayOptions.USAGE);
            return 0;
        }
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args, environment);
        } catch (RuntimeException e) {
            err.println("dbchat replay: " + e.getMessage());
            err.println(ReplayOptions.USAGE);
            return 2;
        }
        ReplayRun run = new ReplayRun(options, stageProperties, (published, finished, total) ->
                err.printf("\rreplayed %d of %d, %d answered", published, total, finished));
        CountDownLatch reported = new CountDownLatch(1);
        // Ctrl-C: stop publishing, then let the report of what was answered be printed before the JVM ends
        Thread stopper = new Thread(() -> {
            run.stop();
            awaitQuietly(reported);
        }, "dbchat-replay-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            ReplayReport report = run.run();
            err.println();
            out.print(report.summary());
            if (options.report() != null) {
                report.write(options.report());
                out.println("Report: " + options.report().toAbsolutePath());
            }
            return report.withinRegressions() ? 0 : TOO_MANY_REGRESSIONS;
        } catch (Exception e) {
            err.println("dbchat replay failed: " + e.getMessage());
            return 1;
        } finally {
            reported.countDown();
            removeHook(stopper);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook has run already
        }
    }
}
