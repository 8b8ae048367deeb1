package io.dbchat.executor.execution;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.executor.guard.SqlText;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs each statement on a pooled connection that logged in read-only with the timeouts (see
 * {@link ConnectionPools}), per {@link ExecutionMode}: alone in autocommit, or inside its own READ ONLY
 * transaction with SET LOCAL timeouts, always rolled back. With a {@link PlanReview}, PostgreSQL's plan for the
 * statement ({@code EXPLAIN (VERBOSE, FORMAT JSON)}, on the same connection) is judged first and a refused
 * statement never runs. The statement goes through the extended query protocol (a fetch size forces it), which
 * PostgreSQL refuses for text holding several statements, so nothing but one statement can run. Every
 * connection is reset ({@link ConnectionReset}) before the pool hands it out again, unless the plan review
 * accepted the statement: then PostgreSQL's own plan showed it calls only allowlisted functions, none of which
 * changes a session. A database error reaches the caller with its quoted values removed
 * ({@link DatabaseErrors}); the full text goes to the log. Cancelling the returned future (the query was
 * cancelled) disposes the statement's subscription and has PostgreSQL cancel the statement.
 */
public final class R2dbcQueryRunner implements QueryRunner, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(R2dbcQueryRunner.class);
    private static final int FETCH_SIZE = 256;
    /** The client gives up only well after the server's statement_timeout should have fired. */
    private static final Duration CLIENT_GRACE = Duration.ofSeconds(2);
    private static final Set<String> QUERY_KEYWORDS = Set.of("select", "with", "values", "table");
    /**
     * The statement is explained as a subquery: PostgreSQL qualifies every column in a plan's output only when
     * the plan has more than one range table entry, and the judge must know each column's relation. The
     * subquery is pulled up, so the plan is the statement's own; line breaks end a trailing comment.
     */
    private static final String EXPLAIN = "EXPLAIN (VERBOSE, FORMAT JSON) SELECT * FROM (\n%s\n) AS dbchat_plan";

    private static final PlanVerdict NO_REVIEW = PlanVerdict.skipped(
            "the plan check is switched off (dbchat.executor.plan-check.enabled=false)");
    private static final PlanVerdict UNPLANNED = PlanVerdict.skipped(
            "the database could not plan the statement, or its connection failed first");

    private final Map<String, ConnectionPool> pools;
    private final ExecutionLimits limits;
    private final ExecutionMode mode;
    private final PlanReview review;
    private final CatalogTypeNames typeNames = new CatalogTypeNames();

    /** A runner without plan review: every connection is reset after every statement. */
    public R2dbcQueryRunner(Map<String, ConnectionPool> pools, ExecutionLimits limits, ExecutionMode mode) {
        this(pools, limits, mode, null);
    }

    /** {@code review} null runs statements unreviewed (and resets every connection after use). */
    public R2dbcQueryRunner(Map<String, ConnectionPool> pools, ExecutionLimits limits, ExecutionMode mode,
                            PlanReview review) {
        this.pools = Map.copyOf(pools);
        this.limits = limits;
        this.mode = mode;
        this.review = review;
    }

    @Override
    public boolean knows(String datasource) {
        return datasource != null && pools.containsKey(datasource);
    }

    /** The datasource's pool, for the executor's own trusted statements (inspecting its role). */
    public ConnectionFactory connections(String datasource) {
        return pools.get(datasource);
    }

    @Override
    public CompletionStage<ExecutionOutcome> run(String datasource, String sql) {
        return execute(datasource, sql).toFuture();
    }

    @Override
    public CompletionStage<ExecutionOutcome> run(String datasource, String sql, Map<String, String> settings) {
        return execute(datasource, sql, settings).toFuture();
    }

    /** The reactive form of {@link #run}. */
    public Mono<ExecutionOutcome> execute(String datasource, String sql) {
        return execute(datasource, sql, Map.of());
    }

    /** With {@code settings} set local to the statement's transaction (transaction mode only). */
    public Mono<ExecutionOutcome> execute(String datasource, String sql, Map<String, String> settings) {
        if (!settings.isEmpty() && mode != ExecutionMode.TRANSACTION) {
            return Mono.just(new ExecutionOutcome.Failed(null, "SettingsUnsupported",
                    "the principal's attributes reach the database only with dbchat.executor.mode=transaction"));
        }
        ConnectionPool pool = pools.get(datasource);
        if (pool == null) {
            return Mono.just(new ExecutionOutcome.Failed(null, "UnknownDatasource",
                    "The datasource '" + datasource + "' is not configured."));
        }
        Lease lease = new Lease();
        // after an error or a cancel the connection may be anywhere (inside a transaction, mid-statement): reset;
        // a cancel (the query was cancelled) also stops the statement in the database
        return Mono.usingWhen(pool.create(), c -> run(c, datasource, sql, settings, lease), lease::release,
                        (c, e) -> ConnectionReset.resetAndRelease(c), ConnectionReset::cancelResetAndRelease)
                .timeout(limits.statementTimeout().plus(CLIENT_GRACE))
                .onErrorResume(e -> Mono.just(failure(datasource, sql, e)))
                .map(outcome -> outcome.withPlan(lease.plan != null ? lease.plan : unreviewed()));
    }

    /** Why a statement that reached no verdict of the plan review had none. */
    private PlanVerdict unreviewed() {
        return review == null ? NO_REVIEW : UNPLANNED;
    }

    private Mono<ExecutionOutcome> run(Connection c, String datasource, String sql, Map<String, String> settings,
                                       Lease lease) {
        if (review == null) {
            return statement(datasource, c, sql, settings);
        }
        if (!QUERY_KEYWORDS.contains(SqlText.firstWord(sql).toLowerCase(Locale.ROOT))) {
            return Mono.just(new ExecutionOutcome.Refused(new Problem("sql.plan_refused",
                    "Only a query (SELECT, WITH, VALUES or TABLE) may run.")));
        }
        return review.prepare(datasource, c).then(explain(c, sql)).flatMap(plan -> switch (review.decide(datasource, plan)) {
            case PlanReview.Decision.Refused refused -> Mono.just(new ExecutionOutcome.Refused(refused.problem()));
            case PlanReview.Decision.Accepted accepted -> {
                lease.clean = true;
                lease.plan = accepted.verdict();
                yield statement(datasource, c, sql, settings);
            }
        });
    }

    private Mono<ExecutionOutcome> statement(String datasource, Connection c, String sql, Map<String, String> settings) {
        return switch (mode) {
            case SESSION -> query(datasource, c, sql);
            case TRANSACTION -> inReadOnlyTransaction(datasource, c, sql, settings);
        };
    }

    /** The plan's JSON: EXPLAIN without ANALYZE plans the statement and runs nothing of it. */
    private static Mono<String> explain(Connection c, String sql) {
        return Flux.from(c.createStatement(EXPLAIN.formatted(sql)).fetchSize(FETCH_SIZE).execute())
                .concatMap(result -> result.map((row, metadata) -> row.get(0, String.class)))
                .next()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("EXPLAIN returned no plan")));
    }

    /**
     * The statement alone. In autocommit the driver (in compatibility mode) sends Parse, Bind, Describe,
     * Execute, Close and Sync at once: one round trip, the whole result streamed, the rows past the caps
     * read and dropped.
     */
    private Mono<ExecutionOutcome> query(String datasource, Connection c, String sql) {
        RowCollector collector = new RowCollector(limits);
        return Flux.from(c.createStatement(sql).fetchSize(FETCH_SIZE).execute())
                .concatMap(result -> result.map(collector::read))
                .takeWhile(collector::accept)
                .then(Mono.fromSupplier(collector::result))
                .flatMap(rows -> typeNames.named(datasource, c, rows));
    }

    /**
     * BEGIN and the SET LOCALs in one batch, the statement (fetched in chunks by a portal), then ROLLBACK, which
     * the driver writes together with the portal's close: three round trips; a fourth sets the principal's
     * attributes when there are any ({@code set_config(name, value, true)} is SET LOCAL with the value bound).
     */
    private Mono<ExecutionOutcome> inReadOnlyTransaction(String datasource, Connection c, String sql,
                                                         Map<String, String> settings) {
        Mono<ExecutionOutcome> work = TrustedSql.run(c, limits.openTransaction())
                .then(TrustedSql.setLocal(c, settings))
                .then(query(datasource, c, sql));
        return work.flatMap(outcome -> Mono.from(c.rollbackTransaction()).thenReturn(outcome))
                .onErrorResume(e -> Mono.from(c.rollbackTransaction()).onErrorResume(x -> Mono.empty())
                        .then(Mono.error(e)));
    }

    private ExecutionOutcome failure(String datasource, String sql, Throwable e) {
        if (e instanceof R2dbcException r) {
            log.info("A statement on {} failed with SQLSTATE {}: {}", datasource, r.getSqlState(), r.getMessage());
            return new ExecutionOutcome.Failed(r.getSqlState(), e.getClass().getSimpleName(),
                    DatabaseErrors.redact(r.getSqlState(), r.getMessage(), sql));
        }
        if (e instanceof TimeoutException) {
            return new ExecutionOutcome.Failed("57014", "Timeout",
                    "canceling statement due to client timeout after " + limits.statementTimeout().plus(CLIENT_GRACE));
        }
        log.warn("A statement on {} failed outside the database", datasource, e);
        return new ExecutionOutcome.Failed(null, e.getClass().getSimpleName(),
                "the executor could not run the statement (" + e.getClass().getSimpleName() + ")");
    }

    @Override
    public void close() {
        pools.values().forEach(ConnectionPool::dispose);
    }

    /**
     * One borrowing of a connection: returned as it is only when the plan review showed the statement harmless; it
     * holds the review's verdict on a statement it accepted.
     */
    private static final class Lease {
        private volatile boolean clean;
        private volatile PlanVerdict plan;

        Mono<Void> release(Connection c) {
            return clean ? Mono.from(c.close()) : ConnectionReset.resetAndRelease(c);
        }
    }
}
