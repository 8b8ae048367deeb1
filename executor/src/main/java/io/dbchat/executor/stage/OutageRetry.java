package io.dbchat.executor.stage;

import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.QueryRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Lets a query wait out a database outage instead of failing at once: a run that failed because the database
 * could not be reached (SQLSTATE class 08, PostgreSQL shutting down or starting up, a refused or closed
 * connection) runs again after a backoff doubling from 250 ms to 4 s, until it succeeds or fails otherwise,
 * or {@code limit} has passed since its first try; then it fails as unreachable. The outage is logged once
 * per datasource when it starts and once when it ends; the health endpoint tries every datasource and reports
 * those it cannot reach DOWN. Cancelling a run cancels its attempt under way.
 */
final class OutageRetry implements QueryRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(OutageRetry.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    private static final Pattern CONNECTION_CLASSES =
            Pattern.compile(".*(ResourceException|Connect.*Exception|Closed.*Exception|ClosedChannelException)");
    private static final Pattern CONNECTION_MESSAGES = Pattern.compile(
            "(?i).*(connection refused|connection (is )?closed|connection reset|cannot connect|unable to connect).*", Pattern.DOTALL);

    private final QueryRunner runner;
    private final List<String> datasources;
    private final Duration limit;
    private final Clock clock;
    /** Datasource to the moment its outage began, for those unreachable now. */
    private final Map<String, Instant> outages = new ConcurrentHashMap<>();

    OutageRetry(QueryRunner runner, List<String> datasources, Duration limit, Clock clock) {
        this.runner = runner;
        this.datasources = List.copyOf(datasources);
        this.limit = limit;
        this.clock = clock;
    }

    /** Whether a failure says the database was not reached, rather than anything about the query. */
    static boolean unreachable(ExecutionOutcome outcome) {
        if (!(outcome instanceof ExecutionOutcome.Failed f)) {
            return false;
        }
        if (f.sqlState() != null) {
            return f.sqlState().startsWith("08") || f.sqlState().equals("57P01") || f.sqlState().equals("57P02")
                    || f.sqlState().equals("57P03");
        }
        return CONNECTION_CLASSES.matcher(String.valueOf(f.errorClass())).matches()
                || CONNECTION_MESSAGES.matcher(String.valueOf(f.message())).matches();
    }

    @Override
    public boolean knows(String datasource) {
        return runner.knows(datasource);
    }

    @Override
    public CompletionStage<ExecutionOutcome> run(String datasource, String sql) {
        return run(datasource, sql, Map.of());
    }

    /** Cancelling the returned future cancels the attempt under way (a cancelled query's statement stops). */
    @Override
    public CompletionStage<ExecutionOutcome> run(String datasource, String sql, Map<String, String> settings) {
        var result = new CompletableFuture<ExecutionOutcome>();
        attempt(datasource, sql, settings, clock.instant().plus(limit), FIRST_BACKOFF, result);
        return result;
    }

    private void attempt(String datasource, String sql, Map<String, String> settings, Instant giveUp, Duration backoff,
                         CompletableFuture<ExecutionOutcome> result) {
        if (result.isDone()) {
            return; // cancelled while waiting to try again
        }
        CompletableFuture<ExecutionOutcome> running = runner.run(datasource, sql, settings).toCompletableFuture();
        result.whenComplete((done, error) -> {
            if (result.isCancelled()) {
                running.cancel(true);
            }
        });
        running.whenComplete((outcome, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else if (!unreachable(outcome)) {
                reached(datasource);
                result.complete(outcome);
            } else {
                unreachableNow(datasource, (ExecutionOutcome.Failed) outcome);
                if (!clock.instant().plus(backoff).isBefore(giveUp)) {
                    result.complete(outcome);
                    return;
                }
                Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> attempt(datasource, sql, settings, giveUp, next, result));
            }
        });
    }

    private void unreachableNow(String datasource, ExecutionOutcome.Failed failure) {
        if (outages.putIfAbsent(datasource, clock.instant()) == null) {
            log.warn("Datasource {} cannot be reached ({}: {}); queries wait up to {} for it", datasource,
                    failure.errorClass(), failure.message(), limit);
        }
    }

    private void reached(String datasource) {
        Instant since = outages.remove(datasource);
        if (since != null) {
            log.info("Datasource {} is reachable again after {} ms", datasource,
                    Duration.between(since, clock.instant()).toMillis());
        }
    }

    /** Tries each datasource now: DOWN, with the reason, while one cannot be reached, and UP again by itself. */
    @Override
    public Health health() {
        datasources.forEach(this::probe);
        if (outages.isEmpty()) {
            return Health.up().build();
        }
        Health.Builder down = Health.down();
        outages.forEach((datasource, since) -> down.withDetail(datasource, "unreachable since " + since));
        return down.build();
    }

    /** Two tries: after a restart of the database the first may take a pooled connection the restart closed. */
    private void probe(String datasource) {
        try {
            ExecutionOutcome outcome = selectOne(datasource);
            if (unreachable(outcome)) {
                outcome = selectOne(datasource);
            }
            if (unreachable(outcome)) {
                unreachableNow(datasource, (ExecutionOutcome.Failed) outcome);
            } else {
                reached(datasource);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Datasource {} did not answer in time", datasource, e);
        }
    }

    private ExecutionOutcome selectOne(String datasource)
            throws InterruptedException, ExecutionException, TimeoutException {
        return runner.run(datasource, "SELECT 1").toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
