package io.dbchat.standalone.chaos;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fault-injection run: starts the cluster, asks the profile's questions at a steady rate through the
 * gateways while the faults happen, then reads the verdict from the replies topic and from what every
 * subscriber saw. The report says how many questions were accepted, lost (no FINAL), duplicated (more than
 * one FINAL on the topic, or two different ones at a subscriber), answered with an error, and how long the
 * pipeline took to recover from each fault.
 */
final class ChaosRun {

    private static final Logger log = LoggerFactory.getLogger(ChaosRun.class);
    private static final int PARTITIONS = 6;

    private final ChaosOptions options;

    ChaosRun(ChaosOptions options) {
        this.options = options;
    }

    /** Runs and writes the report; returns it. */
    ChaosReport run() {
        Instant started = Instant.now();
        try (Cluster cluster = new Cluster(options).start()) {
            Asker asker = new Asker(cluster.gateways());
            Probes probes = new Probes(asker, PARTITIONS);
            Duration ready = probes.open(Duration.ofMinutes(5));
            log.info("chaos: the pipeline answers on every partition, {} ms after start", Duration.between(started, Instant.now()).toMillis());
            Poison.inject(cluster.broker().bootstrapServers());
            Faults faults = new Faults(cluster, probes, options);
            ConcurrentLinkedQueue<Asker.Asked> asked = new ConcurrentLinkedQueue<>();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService load = Executors.newVirtualThreadPerTaskExecutor();
            Thread loader = Thread.ofPlatform().name("chaos-load").start(() -> ask(asker, load, asked, refused));
            List<Faults.Fault> injected = new ArrayList<>();
            for (String[] fault : faults.plan()) {
                injected.add(faults.inject(fault[0], fault[1]));
            }
            join(loader);
            load.shutdown();
            awaitTermination(load);
            Map<String, String> health = cluster.awaitHealthy(Duration.ofMinutes(2));
            Map<String, Integer> finals = AnswerLog.finals(cluster.broker().bootstrapServers());
            Map<String, Boolean> poison = Poison.onDeadLetterQueue(cluster.broker().bootstrapServers());
            ChaosReport report = ChaosReport.of(options, List.copyOf(asked), refused.get(), finals, injected, poison, health,
                    Duration.between(started, Instant.now()), ready);
            write(report);
            log.info(report.summary());
            return report;
        }
    }

    /** Asks the questions at the profile's rate, each in its own conversation, and follows each to its answer. */
    private void ask(Asker asker, ExecutorService load, ConcurrentLinkedQueue<Asker.Asked> asked, AtomicInteger refused) {
        long start = System.nanoTime();
        for (int i = 0; i < options.questions(); i++) {
            long due = start + (long) (i * 1_000_000_000L / options.rate());
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Faults.pause(Duration.ofNanos(wait));
            }
            String question = Questions.at(i).text();
            load.execute(() -> {
                Asker.Asked a = asker.submit(question, null, Instant.now().plus(options.answerDeadline()));
                if (a == null) {
                    refused.incrementAndGet();
                    return;
                }
                asked.add(a);
                asker.follow(a, a.acceptedAt.plus(options.answerDeadline()));
            });
        }
    }

    private void write(ChaosReport report) {
        try {
            Files.createDirectories(options.report().toAbsolutePath().getParent());
            Files.writeString(options.report(), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + options.report(), e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitTermination(ExecutorService load) {
        try {
            // every follower gives up at its own deadline, so this ends
            load.awaitTermination(options.answerDeadline().multipliedBy(3).toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
