package io.dbchat.executor.execution;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Runs one read-only statement against a named datasource without blocking the caller. */
public interface QueryRunner {

    /** Whether the datasource is configured; running against an unknown one fails. */
    boolean knows(String datasource);

    /** Completes with rows or a database failure; never completes exceptionally. */
    CompletionStage<ExecutionOutcome> run(String datasource, String sql);

    /**
     * Runs with custom settings ({@link SessionSettings}) in force for the statement's transaction alone. A runner
     * that cannot set them refuses rather than run without them: a database policy reading them would see none.
     */
    default CompletionStage<ExecutionOutcome> run(String datasource, String sql, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return run(datasource, sql);
        }
        return CompletableFuture.completedFuture(new ExecutionOutcome.Failed(null, "SettingsUnsupported",
                "the executor cannot pass the principal's attributes to the database in this mode"));
    }
}
