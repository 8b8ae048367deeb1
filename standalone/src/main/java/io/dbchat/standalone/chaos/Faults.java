package io.dbchat.standalone.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults of a run, in a random order and at random moments: {@code kill -9} of a stage instance and its
 * restart after a random pause, and PostgreSQL, Redis, the model and the broker (itself killed) stopped for a
 * random while. After each, the probes measure the time from the end of the fault (the restart) until every
 * partition answers again.
 */
final class Faults {

    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    /** What happened and how long the pipeline took to answer on every partition again (null: not within the bound). */
    record Fault(String kind, String target, Instant at, long downMs, Long recoveryMs, String healthDuringFault) {
    }

    private final Cluster cluster;
    private final Probes probes;
    private final ChaosOptions options;
    private final Random random;

    Faults(Cluster cluster, Probes probes, ChaosOptions options) {
        this.cluster = cluster;
        this.probes = probes;
        this.options = options;
        this.random = new Random(options.seed());
    }

    /** The plan: every kill and outage of the profile, shuffled. */
    List<String[]> plan() {
        List<String[]> plan = new ArrayList<>();
        options.kills().forEach(instance -> plan.add(new String[] {"kill", instance}));
        for (int i = 0; i < options.outagesPerDependency(); i++) {
            for (String dependency : List.of("postgres", "redis", "model", "broker")) {
                plan.add(new String[] {"outage", dependency});
            }
        }
        Collections.shuffle(plan, random);
        return plan;
    }

    /** Waits a random moment, injects one fault, ends it, and measures the recovery. */
    Fault inject(String kind, String target) {
        pause(Duration.ofMillis(1000 + random.nextInt(4000)));
        Instant at = Instant.now();
        Duration down = kind.equals("kill") ? Duration.ofMillis(500 + random.nextInt(4500))
                : Duration.ofMillis(5000 + random.nextInt(options.profile().equals("long") ? 10000 : 3000));
        log.info("chaos: {} {} for {} ms", kind, target, down.toMillis());
        stop(kind, target);
        pause(down);
        String health = healthDuring(target);
        start(kind, target);
        Instant restarted = Instant.now();
        Duration recovery = probes.recovery(restarted, options.recoveryBound().multipliedBy(4));
        log.info("chaos: {} {} recovered {}", kind, target, recovery == null ? "NOT within the bound" : "in " + recovery.toMillis() + " ms");
        return new Fault(kind, target, at, Duration.between(at, restarted).toMillis(),
                recovery == null ? null : recovery.toMillis(), health);
    }

    /** What the stage that needs the stopped dependency says of itself just before it comes back. */
    private String healthDuring(String target) {
        return switch (target) {
            case "postgres" -> "executor: " + cluster.health("executor");
            case "redis" -> "translator-a: " + cluster.health("translator-a");
            default -> null;
        };
    }

    private void stop(String kind, String target) {
        if (kind.equals("kill")) {
            cluster.instance(target).kill();
            return;
        }
        switch (target) {
            case "postgres" -> cluster.postgres().close();
            case "redis" -> cluster.redis().close();
            case "model" -> cluster.model().stop();
            case "broker" -> cluster.broker().process().kill();
            default -> throw new IllegalArgumentException(target);
        }
    }

    private void start(String kind, String target) {
        if (kind.equals("kill")) {
            cluster.instance(target).start();
            return;
        }
        switch (target) {
            case "postgres" -> cluster.postgres().start();
            case "redis" -> cluster.redis().start();
            case "model" -> cluster.model().start();
            case "broker" -> cluster.broker().start();
            default -> throw new IllegalArgumentException(target);
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
