package io.dbchat.translator.stage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM split by what its threads do, from {@link ThreadMXBean}: the stage's stream thread, the
 * stage's other Kafka client threads, the LLM calls (virtual threads run on the ForkJoinPool carriers; the JDK HTTP
 * client has threads of its own), the benchmark's driver, the in-process broker, and the JVM's JIT compiler and GC
 * threads (read from /proc). What none of them accounts for (other JVM threads, threads that ended) is the rest.
 */
final class CpuByThread {

    static final String STREAM_THREAD = "stage stream thread";
    static final String STAGE_CLIENTS = "stage Kafka clients (producer I/O, global thread, state updater)";
    static final String LLM_CALLS = "LLM calls (virtual-thread carriers, JDK HTTP client)";
    static final String DRIVER = "benchmark driver (publisher, reader, sampler)";
    static final String BROKER = "broker (and anything else)";
    static final String JIT = "JIT compiler threads";
    static final String GC = "GC threads";
    static final String UNATTRIBUTED = "other JVM threads, ended threads";
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String applicationId;
    private final Map<Long, Long> start = new HashMap<>();
    private final long processStart;
    private final Map<String, Long> nativeStart;

    CpuByThread(String applicationId) {
        this.applicationId = applicationId;
        for (long id : threads.getAllThreadIds()) {
            start.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        this.nativeStart = nativeThreads();
        this.processStart = processCpuNanos();
    }

    /** Milliseconds of CPU since construction, by group, plus the process total under "total". */
    Map<String, Long> sinceStart() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (String group : new String[] {STREAM_THREAD, STAGE_CLIENTS, LLM_CALLS, DRIVER, BROKER, JIT, GC, UNATTRIBUTED}) {
            nanos.put(group, 0L);
        }
        long attributed = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = threads.getThreadCpuTime(info.getThreadId());
            if (used < 0) {
                continue;
            }
            long delta = used - start.getOrDefault(info.getThreadId(), 0L);
            nanos.merge(group(info.getThreadName()), delta, Long::sum);
            attributed += delta;
        }
        Map<String, Long> nativeNow = nativeThreads();
        for (String group : new String[] {JIT, GC}) {
            long delta = nativeNow.getOrDefault(group, 0L) - nativeStart.getOrDefault(group, 0L);
            nanos.put(group, delta);
            attributed += delta;
        }
        long total = processCpuNanos() - processStart;
        nanos.put(UNATTRIBUTED, Math.max(0, total - attributed));
        nanos.put("total", total);
        Map<String, Long> ms = new LinkedHashMap<>();
        nanos.forEach((k, v) -> ms.put(k, v / 1_000_000));
        return ms;
    }

    private String group(String name) {
        if (name.contains(applicationId) && name.contains("StreamThread") && !name.contains("producer")) {
            return STREAM_THREAD;
        }
        if (name.contains(applicationId)) {
            return STAGE_CLIENTS;
        }
        if (name.startsWith("ForkJoinPool-") || name.startsWith("HttpClient-")) {
            return LLM_CALLS;
        }
        if (name.equals("main") || name.contains("reader-") || name.contains("test-") || name.startsWith("pool-")) {
            return DRIVER;
        }
        return BROKER;
    }

    /** CPU of the JVM's own threads (no Java thread shows them), by group, from /proc; empty where there is none. */
    private static Map<String, Long> nativeThreads() {
        Map<String, Long> out = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return out;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String group = comm.contains("CompilerThre") ? JIT
                            : comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? GC : null;
                    if (group != null) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        out.merge(group, ticks * TICK_NANOS, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
