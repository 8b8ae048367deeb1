package io.dbchat.executor.execution;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.api.PostgresTransactionDefinition;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs each statement on a pooled connection inside its own READ ONLY transaction with SET LOCAL timeouts,
 * always rolled back. The statement goes through the extended query protocol (a fetch size forces it), which
 * PostgreSQL refuses for text holding several statements, so nothing but one statement can run.
 */
public final class R2dbcQueryRunner implements QueryRunner, AutoCloseable {

    private static final int FETCH_SIZE = 256;
    /** The client gives up only well after the server's statement_timeout should have fired. */
    private static final Duration CLIENT_GRACE = Duration.ofSeconds(2);

    private final Map<String, ConnectionPool> pools;
    private final ExecutionLimits limits;

    public R2dbcQueryRunner(Map<String, ConnectionPool> pools, ExecutionLimits limits) {
        this.pools = Map.copyOf(pools);
        this.limits = limits;
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
        return Mono.usingWhen(pool.create(), c -> inReadOnlyTransaction(c, sql), Connection::close)
                .timeout(limits.statementTimeout().plus(CLIENT_GRACE))
                .onErrorResume(e -> Mono.just(failure(e)));
    }

    private Mono<ExecutionOutcome> inReadOnlyTransaction(Connection c, String sql) {
        RowCollector collector = new RowCollector(limits);
        Mono<ExecutionOutcome> work = Mono.from(c.beginTransaction(
                        PostgresTransactionDefinition.from(IsolationLevel.READ_COMMITTED).readOnly()))
                .then(drain(c.createStatement(limits.setLocals()).execute()))
                .thenMany(Flux.from(c.createStatement(sql).fetchSize(FETCH_SIZE).execute())
                        .concatMap(result -> result.map(collector::read)))
                .takeWhile(collector::accept)
                .then(Mono.fromSupplier(collector::result));
        return work.flatMap(outcome -> Mono.from(c.rollbackTransaction()).thenReturn(outcome))
                .onErrorResume(e -> Mono.from(c.rollbackTransaction()).onErrorResume(x -> Mono.empty())
                        .then(Mono.error(e)));
    }

    private static Mono<Void> drain(Publisher<? extends io.r2dbc.spi.Result> results) {
        return Flux.from(results).concatMap(io.r2dbc.spi.Result::getRowsUpdated).then();
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
