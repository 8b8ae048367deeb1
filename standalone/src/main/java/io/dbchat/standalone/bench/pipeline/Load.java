package io.dbchat.standalone.bench.pipeline;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a {@link Target}: one question at a time at a fixed rate (the next starts on its tick, or as soon as the
 * one before is answered if that is later), or closed-loop clients each asking again as soon as answered. Latency
 * is taken from the moment a question is handed over to the moment its answer arrives.
 */
final class Load {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final long PATIENCE_SECONDS = 60;

    private final Target target;
    private final AtomicInteger next = new AtomicInteger();

    Load(Target target) {
        this.target = target;
    }

    /** Hears each question answered one at a time: its query id, and when it was asked and answered (nano time). */
    interface Answered {
        void heard(String id, long asked, long answered);
    }

    /** {@code count} questions one at a time, {@code rate} per second; {@code answered} hears each. */
    Figures sequential(int count, double rate, Answered answered) throws Exception {
        long period = (long) (1e9 / rate);
        long[] latencies = new long[count];
        int done = 0;
        int failed = 0;
        Usage usage = Usage.start();
        long tick = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = tick - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long asked = System.nanoTime();
            try {
                String id = target.ask(next.getAndIncrement()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
                long now = System.nanoTime();
                latencies[done++] = now - asked;
                answered.heard(id, asked, now);
            } catch (Exception e) {
                failed++;
            }
            tick = Math.max(tick + period, asked);
        }
        return usage.figures(1, Arrays.copyOf(latencies, done), failed);
    }

    /** {@code clients} closed-loop clients for {@code warmup} (not counted), then for {@code duration}. */
    Figures concurrent(int clients, Duration warmup, Duration duration) throws InterruptedException {
        run(clients, warmup, new ConcurrentLinkedQueue<>(), new AtomicInteger());
        var latencies = new ConcurrentLinkedQueue<Long>();
        var failed = new AtomicInteger();
        Usage usage = Usage.start();
        run(clients, duration, latencies, failed);
        return usage.figures(clients, latencies.stream().mapToLong(Long::longValue).toArray(), failed.get());
    }

    /** Runs the clients until {@code duration} has passed and waits for the questions still out. */
    private void run(int clients, Duration duration, ConcurrentLinkedQueue<Long> latencies, AtomicInteger failed)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        var finished = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            askUntil(end, latencies, failed, finished);
        }
        if (!finished.await(PATIENCE_SECONDS + duration.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("questions still unanswered " + PATIENCE_SECONDS + " s after the step");
        }
    }

    private void askUntil(long end, ConcurrentLinkedQueue<Long> latencies, AtomicInteger failed, CountDownLatch finished) {
        long asked = System.nanoTime();
        if (asked >= end) {
            finished.countDown();
            return;
        }
        target.ask(next.getAndIncrement()).orTimeout(PATIENCE_SECONDS, TimeUnit.SECONDS).whenComplete((id, error) -> {
            long now = System.nanoTime();
            // a question answered after the end is not counted: the step's throughput is what fits in it
            if (error != null) {
                failed.incrementAndGet();
            } else if (now <= end) {
                latencies.add(now - asked);
            }
            askUntil(end, latencies, failed, finished);
        });
    }

    /** The process's CPU time and the machine's load since a step began. */
    private record Usage(long startedNanos, long cpuNanos) {

        static Usage start() {
            OS.getCpuLoad(); // the first reading of a bean is meaningless: it starts the interval
            return new Usage(System.nanoTime(), OS.getProcessCpuTime());
        }

        Figures figures(int clients, long[] latencies, int failed) {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            double cpuMs = (OS.getProcessCpuTime() - cpuNanos) / 1e6;
            return Figures.of(clients, latencies, failed, seconds, cpuMs, OS.getCpuLoad(), OS.getSystemLoadAverage());
        }
    }
}
