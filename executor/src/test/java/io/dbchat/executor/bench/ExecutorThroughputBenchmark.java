package io.dbchat.executor.bench;

import com.sun.management.OperatingSystemMXBean;
import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import io.dbchat.executor.plan.PlanCheck;
import io.dbchat.executor.plan.PlanCheckProperties;
import io.dbchat.executor.stage.ExecutorProperties;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Result;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * pgbench's simple indexed single-row query at a given concurrency, for a side-by-side with
 * {@code pgbench -S -c 8} on the same database, through one of: {@code session} or {@code transaction} (the
 * executor's execution path in that {@link ExecutionMode}: pooled R2DBC, read-only, timeouts, caps; without the
 * plan check, so every connection is reset with DISCARD ALL after its statement), {@code session-plan} or
 * {@code transaction-plan} (the same with the plan check: EXPLAIN first, judged, and no reset after an accepted
 * plan), {@code bare} (the same pool, the statement as a plain simple query, no caps: the client's own
 * ceiling), or {@code bare-discard} (bare, then DISCARD ALL on the same connection: what a reset costs).
 * Arguments: postgresql URL, user, seconds per path, concurrency, pgbench scale, paths (comma-separated, run
 * in turn after a shared warm-up), warm-up seconds. Prints, per path, queries per second and the process CPU
 * time per 1,000 queries.
 */
public final class ExecutorThroughputBenchmark {

    private ExecutorThroughputBenchmark() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "postgresql://127.0.0.1:5432/pgbench";
        String user = args.length > 1 ? args[1] : "postgres";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int accounts = 100_000 * (args.length > 4 ? Integer.parseInt(args[4]) : 10);
        List<String> paths = List.of((args.length > 5 ? args[5] : "bare,session,transaction")
                .toLowerCase(Locale.ROOT).split(","));
        Duration warmUp = Duration.ofSeconds(args.length > 6 ? Integer.parseInt(args[6]) : 20);
        var limits = ExecutorProperties.defaults().executionLimits();
        ConnectionPool pool = ConnectionPools.create(new DatasourceProperties("bench", url, user, null), null, null,
                concurrency, limits);
        Map<String, Function<String, Mono<?>>> queries = new LinkedHashMap<>();
        List<R2dbcQueryRunner> runners = new ArrayList<>();
        for (String path : paths) {
            if (path.equals("bare")) {
                queries.put(path, sql -> bare(pool, sql, false));
            } else if (path.equals("bare-discard")) {
                queries.put(path, sql -> bare(pool, sql, true));
            } else {
                boolean planned = path.endsWith("-plan");
                var runner = new R2dbcQueryRunner(Map.of("bench", pool), limits,
                        ExecutionMode.valueOf(path.replace("-plan", "").toUpperCase(Locale.ROOT)),
                        planned ? planCheck() : null);
                runners.add(runner);
                queries.put(path, executor(runner));
            }
        }
        try {
            // every path warms up before any is measured, so the JIT has settled for all of them
            queries.values().forEach(q -> run(q, warmUp.dividedBy(queries.size()), concurrency, accounts));
            queries.forEach((path, query) -> measure(path, query, seconds, concurrency, accounts));
        } finally {
            runners.forEach(R2dbcQueryRunner::close);
            pool.dispose();
        }
    }

    private static void measure(String path, Function<String, Mono<?>> query, int seconds, int concurrency,
                                int accounts) {
        long cpuBefore = processCpuNanos();
        long done = run(query, Duration.ofSeconds(seconds), concurrency, accounts);
        double cpuMs = (processCpuNanos() - cpuBefore) / 1e6;
        System.out.printf(Locale.ROOT, "%s: %d queries in %d s at concurrency %d = %.0f queries/s, "
                        + "%.1f ms process CPU per 1,000 queries%n", path, done, seconds, concurrency,
                done / (double) seconds, cpuMs * 1000 / done);
    }

    /** The statement on a pooled connection as a plain simple query, its one value read, then DISCARD ALL or not. */
    private static Mono<?> bare(ConnectionPool pool, String sql, boolean discard) {
        return Mono.usingWhen(pool.create(),
                c -> Flux.from(c.createStatement(sql).execute()).concatMap(r -> r.map((row, meta) -> row.get(0)))
                        .then(Mono.just(1)),
                c -> discard ? Flux.from(c.createStatement("DISCARD ALL").execute())
                        .concatMap(Result::getRowsUpdated).then(Mono.from(c.close())) : Mono.from(c.close()));
    }

    /** The plan check with the default budget, knowing pgbench_accounts as the one published table. */
    private static PlanCheck planCheck() {
        var check = new PlanCheck(PlanCheckProperties.defaults().budget());
        check.seen(new SchemaSnapshot(SchemaSnapshot.VERSION, "bench", "bench", Instant.EPOCH, List.of(
                new TableSchema("public", "pgbench_accounts", "table", null, 0, List.of(
                        ColumnSchema.of("aid", "int4", false), ColumnSchema.of("bid", "int4", true),
                        ColumnSchema.of("abalance", "int4", true), ColumnSchema.of("filler", "bpchar", true)),
                        List.of("aid"), List.of(), List.of()))));
        return check;
    }

    private static Function<String, Mono<?>> executor(R2dbcQueryRunner runner) {
        return sql -> runner.execute("bench", sql).doOnNext(outcome -> {
            if (!(outcome instanceof ExecutionOutcome.Rows)) {
                throw new IllegalStateException("query failed: " + outcome);
            }
        });
    }

    private static long run(Function<String, Mono<?>> query, Duration length, int concurrency, int accounts) {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        Flux.range(0, concurrency)
                .flatMap(worker -> Mono.defer(() -> query.apply(
                                "SELECT abalance FROM pgbench_accounts WHERE aid = "
                                        + (1 + ThreadLocalRandom.current().nextInt(accounts))))
                        .doOnNext(ignored -> done.incrementAndGet())
                        .repeat(() -> System.nanoTime() < end), concurrency)
                .blockLast();
        return done.get();
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
