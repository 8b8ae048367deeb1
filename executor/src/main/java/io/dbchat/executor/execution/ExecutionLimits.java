package io.dbchat.executor.execution;

import java.time.Duration;

/**
 * Bounds of one execution: server-side timeouts set with SET LOCAL in its transaction, and the caps on the
 * rows and JSON bytes kept of its result (more is dropped and flagged as truncated).
 */
public record ExecutionLimits(Duration statementTimeout, Duration lockTimeout, Duration idleInTransactionTimeout,
                              int maxRows, long maxBytes) {

    public static final ExecutionLimits DEFAULTS = new ExecutionLimits(Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofSeconds(10), 1000, 4L * 1024 * 1024);

    /** The statements that open each execution's transaction; values are numbers, never text from outside. */
    String setLocals() {
        return "SET LOCAL statement_timeout = " + statementTimeout.toMillis()
                + "; SET LOCAL lock_timeout = " + lockTimeout.toMillis()
                + "; SET LOCAL idle_in_transaction_session_timeout = " + idleInTransactionTimeout.toMillis();
    }
}
