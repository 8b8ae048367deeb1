package io.dbchat.conversations;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;

/**
 * Not a test: what the translator's read of a new conversation's history costs, the read it no longer makes when the
 * question says it opened its conversation. One reader asks a local Redis for the history of conversations nobody
 * wrote (as every first question's was), one at a time; the CPU of this process (the caller and Redisson's threads)
 * and of the Redis server per read, and the time each read took. Run with
 * {@code java -cp <test and runtime classpath> io.dbchat.conversations.HistoryReadBenchmark [seconds]}.
 */
public final class HistoryReadBenchmark {

    private HistoryReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (var redis = new TestRedis()) {
            RedissonClient client = RedisClients.create(redis.url(), Duration.ofSeconds(2));
            try {
                var records = new ConversationRecords(client);
                long redisPid = redisPid(redis.url());
                for (int round = 0; round < 6; round++) {
                    measure(records, seconds, redisPid, round);
                }
            } finally {
                client.shutdown();
            }
        }
    }

    private static void measure(ConversationRecords records, int seconds, long redisPid, int round) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long redis0 = cpuNanos(redisPid);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long reads = 0;
        while (System.nanoTime() < end) {
            records.history(UUID.randomUUID().toString(), 10).toCompletableFuture().get(2, TimeUnit.SECONDS);
            reads++;
        }
        long wall = System.nanoTime() - start;
        System.out.printf("round %d: %.1f us of this process's CPU, %.1f us of Redis's, %.1f us of wall time per read%n",
                round, (os.getProcessCpuTime() - cpu0) / 1000.0 / reads,
                redisPid < 0 ? Double.NaN : (cpuNanos(redisPid) - redis0) / 1000.0 / reads, wall / 1000.0 / reads);
    }

    /** The Redis server listening on the url's port, found by its command line; -1 when not found. */
    private static long redisPid(String url) throws Exception {
        String port = url.substring(url.lastIndexOf(':') + 1);
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("redis") && cmd.contains(port)) {
                        return Long.parseLong(p.getFileName().toString());
                    }
                } catch (java.io.IOException gone) {
                    // a process that ended while listed
                }
            }
        }
        return -1;
    }

    /** utime + stime of a process, in nanoseconds (clock ticks of 10 ms). */
    private static long cpuNanos(long pid) throws Exception {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }
}
