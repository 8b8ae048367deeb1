package io.dbchat.executor.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.QueryRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Waiting out an outage leaves a run cancellable: cancelling it cancels the statement under way. */
class OutageRetryTest {

    @Test
    void cancellingARunCancelsTheStatementUnderWay() {
        var statement = new CompletableFuture<ExecutionOutcome>();
        var retry = new OutageRetry(new QueryRunner() {
            @Override
            public boolean knows(String datasource) {
                return true;
            }

            @Override
            public CompletionStage<ExecutionOutcome> run(String datasource, String sql) {
                return statement;
            }
        }, List.of("demo"), Duration.ofSeconds(30), Clock.systemUTC());

        var run = retry.run("demo", "SELECT pg_sleep(600)").toCompletableFuture();
        run.cancel(true);

        assertThat(statement).isCancelled();
    }

    @Test
    void aRunThatSucceedsCompletesWithItsOutcome() {
        var rows = new ExecutionOutcome.Rows(List.of(), List.of(), false, 1);
        var retry = new OutageRetry(new QueryRunner() {
            @Override
            public boolean knows(String datasource) {
                return true;
            }

            @Override
            public CompletionStage<ExecutionOutcome> run(String datasource, String sql) {
                return CompletableFuture.completedFuture(rows);
            }
        }, List.of("demo"), Duration.ofSeconds(30), Clock.systemUTC());

        assertThat(retry.run("demo", "SELECT 1").toCompletableFuture().join()).isEqualTo(rows);
    }
}
