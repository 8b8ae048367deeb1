package io.dbchat.executor.execution;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs each statement on a pooled connection that logged in read-only with the timeouts (see
 * {@link ConnectionPools}), per {@link ExecutionMode}: alone in autocommit, or inside its own READ ONLY
 * transaction with SET LOCAL timeouts, always rolled back. The statement goes through the extended query
 * protocol (a fetch size forces it), which PostgreSQL refuses for text holding several statements, so nothing
 * but one statement can run. A statement that may have changed its session ({@link SessionTaint}) has its
 * connection reset before the pool hands it out again.
 */
public final class R2dbcQueryRunner implements QueryRunner, AutoCloseable {

    private static final int FETCH_SIZE = 256;
    /** The client gives up only well after the server's statement_timeout should have fired. */
    private static final Duration CLIENT_GRACE = Duration.ofSeconds(2);

    private final Map<String, ConnectionPool> pools;
    private final ExecutionLimits limits;
    private final ExecutionMode mode;

    public R2dbcQueryRunner(Map<String, ConnectionPool> pools, ExecutionLimits limits, ExecutionMode mode) {
        this.pools = Map.copyOf(pools);
        this.limits = limits;
        this.mode = mode;
    }

    @Override
    public boolean knows(String datasource) {
        return datasource != null && pools.containsKey(datasource);
    }

    @Override
    public CompletionStage<ExecutionOutcome> run(String datasource, String sql) {
        return execute(datasource, sql).toFuture();
    }

    /** The reactive form of {@link #run}. */
    public Mono<ExecutionOutcome> execute(String datasource, String sql) {
        ConnectionPool pool = pools.get(datasource);
        if (pool == null) {
            return Mono.just(new ExecutionOutcome.Failed(null, "UnknownDatasource",
                    "The datasource '" + datasource + "' is not configured."));
        }
        Function<Connection, Mono<Void>> release = SessionTaint.taints(sql)
                ? ConnectionReset::resetAndRelease
                : c -> Mono.from(c.close());
        return Mono.usingWhen(pool.create(), c -> run(c, sql), release, (c, e) -> release.apply(c), release)
                .timeout(limits.statementTimeout().plus(CLIENT_GRACE))
                .onErrorResume(e -> Mono.just(failure(e)));
    }

    private Mono<ExecutionOutcome> run(Connection c, String sql) {
        return switch (mode) {
            case SESSION -> query(c, sql);
            case TRANSACTION -> inReadOnlyTransaction(c, sql);
        };
    }

    /**
     * The statement alone. In autocommit the driver (in compatibility mode) sends Parse, Bind, Describe,
     * Execute, Close and Sync at once: one round trip, the whole result streamed, the rows past the caps
     * read and dropped.
     */
    private Mono<ExecutionOutcome> query(Connection c, String sql) {
        RowCollector collector = new RowCollector(limits);
        return Flux.from(c.createStatement(sql).fetchSize(FETCH_SIZE).execute())
                .concatMap(result -> result.map(collector::read))
                .takeWhile(collector::accept)
                .then(Mono.fromSupplier(collector::result));
    }

    /**
     * BEGIN and the SET LOCALs in one batch, the statement (fetched in chunks by a portal), then ROLLBACK, which
     * the driver writes together with the portal's close: three round trips.
     */
    private Mono<ExecutionOutcome> inReadOnlyTransaction(Connection c, String sql) {
        Mono<ExecutionOutcome> work = TrustedSql.run(c, limits.openTransaction()).then(query(c, sql));
        return work.flatMap(outcome -> Mono.from(c.rollbackTransaction()).thenReturn(outcome))
                .onErrorResume(e -> Mono.from(c.rollbackTransaction()).onErrorResume(x -> Mono.empty())
                        .then(Mono.error(e)));
    }

    private ExecutionOutcome failure(Throwable e) {
        if (e instanceof R2dbcException r) {
            return new ExecutionOutcome.Failed(r.getSqlState(), e.getClass().getSimpleName(), r.getMessage());
        }
        if (e instanceof TimeoutException) {
            return new ExecutionOutcome.Failed("57014", "Timeout",
                    "canceling statement due to client timeout after " + limits.statementTimeout().plus(CLIENT_GRACE));
        }
        return new ExecutionOutcome.Failed(null, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
    }

    @Override
    public void close() {
        pools.values().forEach(ConnectionPool::dispose);
    }
}
