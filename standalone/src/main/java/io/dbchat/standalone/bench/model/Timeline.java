package io.dbchat.standalone.bench.model;

import io.dbchat.contracts.runtime.StageMeters;
import io.dbchat.gateway.metrics.QuestionMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * What is in flight where, sampled at a fixed period while the benchmark runs: the clients' open questions, the
 * gateway's (submitted and not yet answered, from its counters), each stage's calls ({@code dbchat.calls.in_flight})
 * the heap in use and the platform threads.
 */
final class Timeline implements AutoCloseable {

    /**
     * One sample: milliseconds since the start, questions in flight at the clients and the gateway, calls per stage,
     * the heap in use and the live platform threads (virtual threads are not counted).
     */
    record Sample(long atMs, int clients, long gateway, int translator, int executor, int interpreter, long heapMb,
                  int threads) {
    }

    private final MeterRegistry meters;
    private final IntSupplier clients;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("bench-timeline").factory());
    private final long started = System.nanoTime();
    /** Found once: a search walks every meter (thousands of Kafka client metrics) and cost 4 % of the CPU per sample. */
    private final java.util.Map<String, Gauge> gauges = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile List<Counter> submitted = List.of();
    private volatile List<Counter> answered = List.of();
    private int sampled;

    Timeline(MeterRegistry meters, IntSupplier clients) {
        this.meters = meters;
        this.clients = clients;
    }

    Timeline start(long everyMillis) {
        timer.scheduleAtFixedRate(() -> {
            if (sampled++ % 20 == 0) {
                // a new outcome brings a counter of its own: look again now and then
                submitted = List.copyOf(meters.find(QuestionMeters.SUBMITTED).counters());
                answered = List.copyOf(meters.find(QuestionMeters.ANSWERED).counters());
            }
            Sample s = now();
            synchronized (samples) {
                samples.add(s);
            }
        }, 0, everyMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    Sample now() {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        return new Sample((System.nanoTime() - started) / 1_000_000, clients.getAsInt(),
                counted(submitted) - counted(answered),
                calls("translator"), calls("executor"), calls("interpreter"), heap,
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private int calls(String stage) {
        Gauge g = gauges.computeIfAbsent(stage, s -> meters.find(StageMeters.IN_FLIGHT).tag("stage", s).gauge());
        return g == null ? 0 : (int) g.value();
    }

    private static long counted(List<Counter> counters) {
        return (long) counters.stream().mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
