package io.dbchat.executor.execution;

import java.time.Duration;
import java.util.Map;

/**
 * Bounds of one execution: server-side timeouts (startup parameters of every pooled connection, and SET LOCAL
 * in a transaction-mode execution), and the caps on the rows and JSON bytes kept of its result (more is
 * dropped and flagged as truncated).
 */
public record ExecutionLimits(Duration statementTimeout, Duration lockTimeout, Duration idleInTransactionTimeout,
                              int maxRows, long maxBytes) {

    public static final ExecutionLimits DEFAULTS = new ExecutionLimits(Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofSeconds(10), 1000, 4L * 1024 * 1024);

    /**
     * The session settings every pooled connection starts with: read-only transactions, the timeouts and
     * standard-conforming strings, also what {@code DISCARD ALL} returns a connection to. The guard reads a
     * backslash in a plain string as PostgreSQL does only while {@code standard_conforming_strings} is on, so the
     * executor sets it rather than trust the server's or the role's default. Values are numbers (milliseconds) or
     * fixed words, never outside text.
     */
    Map<String, String> startupOptions() {
        return Map.of("default_transaction_read_only", "on", "standard_conforming_strings", "on",
                "statement_timeout", Long.toString(statementTimeout.toMillis()),
                "lock_timeout", Long.toString(lockTimeout.toMillis()),
                "idle_in_transaction_session_timeout", Long.toString(idleInTransactionTimeout.toMillis()));
    }

    /** One simple-query batch opening a transaction-mode execution; values are numbers, never outside text. */
    String openTransaction() {
        return "BEGIN READ ONLY; SET LOCAL standard_conforming_strings = on; SET LOCAL statement_timeout = " + statementTimeout.toMillis()
                + "; SET LOCAL lock_timeout = " + lockTimeout.toMillis()
                + "; SET LOCAL idle_in_transaction_session_timeout = " + idleInTransactionTimeout.toMillis();
    }
}
