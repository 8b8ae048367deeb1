package io.dbchat.executor.bench;

import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import io.dbchat.executor.stage.ExecutorProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The executor's execution path (pooled R2DBC, READ ONLY transaction, SET LOCAL timeouts, caps, rollback)
 * on pgbench's simple indexed single-row query, at a given concurrency, for a side-by-side with
 * {@code pgbench -S -c 8} on the same database. Arguments: postgresql URL, user, seconds, concurrency, scale.
 */
public final class ExecutorThroughputBenchmark {

    private ExecutorThroughputBenchmark() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "postgresql://127.0.0.1:5432/pgbench";
        String user = args.length > 1 ? args[1] : "postgres";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int accounts = 100_000 * (args.length > 4 ? Integer.parseInt(args[4]) : 10);
        var properties = ExecutorProperties.defaults();
        var pool = ConnectionPools.create(new DatasourceProperties("bench", url, user, null), null, null, concurrency);
        try (var runner = new R2dbcQueryRunner(Map.of("bench", pool), properties.executionLimits())) {
            run(runner, 5, concurrency, accounts);
            AtomicLong done = run(runner, seconds, concurrency, accounts);
            System.out.printf("executor path: %d queries in %d s at concurrency %d = %.0f queries/s%n",
                    done.get(), seconds, concurrency, done.get() / (double) seconds);
        }
    }

    private static AtomicLong run(R2dbcQueryRunner runner, int seconds, int concurrency, int accounts) {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Flux.range(0, concurrency)
                .flatMap(worker -> Mono.defer(() -> runner.execute("bench",
                                "SELECT abalance FROM pgbench_accounts WHERE aid = " + (1 + ThreadLocalRandom.current().nextInt(accounts))))
                        .doOnNext(outcome -> {
                            if (!(outcome instanceof ExecutionOutcome.Rows)) {
                                throw new IllegalStateException("query failed: " + outcome);
                            }
                            done.incrementAndGet();
                        })
                        .repeat(() -> System.nanoTime() < end), concurrency)
                .blockLast();
        return done;
    }
}
