package io.dbchat.executor.stage;

import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.executor.execution.ExecutionLimits;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.guard.GuardLimits;
import io.dbchat.executor.guard.GuardProperties;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the executor ({@code dbchat.executor.*}). {@code username} / {@code password}, when set,
 * replace every datasource's credentials (the least-privileged reader role). {@code guardEnabled} is a
 * test-only switch proving the database-side defences alone; never turn it off in a deployment. {@code mode}
 * picks how each statement runs ({@link ExecutionMode}): {@code session} (one round trip, the default) or
 * {@code transaction} (its own READ ONLY transaction with SET LOCAL timeouts). {@code allowSuperuser} lets the
 * executor start although its role is a superuser (it refuses to otherwise). {@code outageRetry} is how long a
 * query waits for a database that cannot be reached before it is answered with an error ({@link OutageRetry}).
 */
@Validated
@ConfigurationProperties("dbchat.executor")
public record ExecutorProperties(
        @DefaultValue("5s") Duration statementTimeout,
        @DefaultValue("1s") Duration lockTimeout,
        @DefaultValue("10s") Duration idleInTransactionTimeout,
        @DefaultValue("1000") @Min(1) int maxRows,
        @DefaultValue("4MB") DataSize maxBytes,
        @DefaultValue("1000") @Min(1) int defaultLimit,
        @DefaultValue("20000") @Min(1) int maxLength,
        @DefaultValue("12") @Min(0) int maxJoins,
        @DefaultValue("8") @Min(1) int maxDepth,
        @DefaultValue("8") @Min(1) int poolSize,
        @DefaultValue("true") boolean guardEnabled,
        @DefaultValue("session") ExecutionMode mode,
        @DefaultValue("false") boolean allowSuperuser,
        String username,
        String password,
        @DefaultValue("30s") Duration outageRetry) {

    @ConstructorBinding
    public ExecutorProperties {
    }

    /** The settings with the default wait for an unreachable database (30 s). */
    public ExecutorProperties(Duration statementTimeout, Duration lockTimeout, Duration idleInTransactionTimeout,
                              int maxRows, DataSize maxBytes, int defaultLimit, int maxLength, int maxJoins, int maxDepth,
                              int poolSize, boolean guardEnabled, ExecutionMode mode, boolean allowSuperuser,
                              String username, String password) {
        this(statementTimeout, lockTimeout, idleInTransactionTimeout, maxRows, maxBytes, defaultLimit, maxLength,
                maxJoins, maxDepth, poolSize, guardEnabled, mode, allowSuperuser, username, password,
                Duration.ofSeconds(30));
    }

    public static ExecutorProperties defaults() {
        return new ExecutorProperties(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(10), 1000,
                DataSize.ofMegabytes(4), 1000, 20_000, 12, 8, 8, true, ExecutionMode.SESSION, false, null, null);
    }

    /** The guard's limits, as {@link GuardProperties} (their one reading, the gateway's too) makes them. */
    public GuardLimits guardLimits() {
        return new GuardProperties(maxLength, maxJoins, maxDepth, defaultLimit, maxRows).limits();
    }

    public ExecutionLimits executionLimits() {
        return new ExecutionLimits(statementTimeout, lockTimeout, idleInTransactionTimeout, maxRows,
                maxBytes.toBytes());
    }

    /**
     * How long one execution may take before it counts as timed out: the statement timeout plus room to connect,
     * and the wait for a database that cannot be reached.
     */
    public Duration waitTimeout() {
        return statementTimeout.plusSeconds(5).plus(outageRetry);
    }

    /**
     * Executions in flight across the stage: a few per pooled connection, so the pool always has work queued
     * while one slow query never holds up the rest.
     */
    public AsyncSettings async() {
        return new AsyncSettings(poolSize * 4, waitTimeout(), Duration.ofMillis(5));
    }

    public ExecutorProperties withGuardEnabled(boolean enabled) {
        return new ExecutorProperties(statementTimeout, lockTimeout, idleInTransactionTimeout, maxRows, maxBytes,
                defaultLimit, maxLength, maxJoins, maxDepth, poolSize, enabled, mode, allowSuperuser, username, password,
                outageRetry);
    }
}
