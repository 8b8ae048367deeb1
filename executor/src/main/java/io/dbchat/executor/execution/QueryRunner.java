package io.dbchat.executor.execution;

import java.util.concurrent.CompletionStage;

/** Runs one read-only statement against a named datasource without blocking the caller. */
public interface QueryRunner {

    /** Whether the datasource is configured; running against an unknown one fails. */
    boolean knows(String datasource);

    /** Completes with rows or a database failure; never completes exceptionally. */
    CompletionStage<ExecutionOutcome> run(String datasource, String sql);
}
