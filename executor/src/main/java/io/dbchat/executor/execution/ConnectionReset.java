package io.dbchat.executor.execution;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;

/**
 * Puts a pooled connection that a statement may have changed back to how it logged in before it returns to
 * the pool: the transaction block it may have opened is rolled back and {@code DISCARD ALL} resets every
 * setting to its session default, which for the executor's pools is the startup parameter (read-only,
 * timeouts). Should that fail, the physical connection is closed, so the pool drops it instead of reusing it.
 * A statement given up by its caller is cancelled in the database first.
 */
final class ConnectionReset {

    private ConnectionReset() {
    }

    /** Resets, then releases {@code pooled} to its pool; completes once it is back, or gone. */
    static Mono<Void> resetAndRelease(Connection pooled) {
        // DISCARD ALL refuses to run inside a transaction block, so the rollback is a round trip of its own
        Mono<Void> reset = Mono.from(pooled.rollbackTransaction())
                .then(TrustedSql.run(pooled, "DISCARD ALL"));
        return reset.onErrorResume(e -> closePhysical(pooled))
                .then(Mono.defer(() -> Mono.from(pooled.close())));
    }

    /**
     * After the caller let go of a statement under way (its query was cancelled): PostgreSQL is asked to cancel what
     * the connection's backend runs (a CancelRequest, on a connection of its own: disposing the driver's
     * subscription alone leaves the statement running to its end), then the connection is reset and released.
     */
    static Mono<Void> cancelResetAndRelease(Connection pooled) {
        return cancelRequest(pooled).onErrorResume(e -> Mono.empty()).then(resetAndRelease(pooled));
    }

    private static Mono<Void> cancelRequest(Connection pooled) {
        Object physical = pooled instanceof Wrapped<?> wrapped ? wrapped.unwrap() : pooled;
        return physical instanceof PostgresqlConnection postgres ? postgres.cancelRequest() : Mono.empty();
    }

    /** A closed connection fails the pool's validation on release, which makes the pool invalidate it. */
    private static Mono<Void> closePhysical(Connection pooled) {
        if (pooled instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof Connection physical) {
            return Mono.from(physical.close()).onErrorResume(e -> Mono.empty());
        }
        return Mono.empty();
    }
}
