package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.serde.Json;
import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * In either execution mode, results are cut at the row cap and at the byte cap and flagged truncated; a slow
 * query holds no other up.
 */
@ParameterizedClass
@EnumSource(ExecutionMode.class)
class CapsIntegrationTest {

    static final ExecutionLimits SMALL = new ExecutionLimits(Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofSeconds(10), 10, 1_000);

    static ConsultancyDatabase database;

    @Parameter
    ExecutionMode mode;

    @BeforeAll
    static void start() {
        database = ConsultancyDatabase.start();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void cutsAtTheRowCapAndTheConnectionStaysUsable() {
        try (var runner = database.readerRunner(SMALL, 1, mode)) {
            // a million rows that stream: one generate_series of a million is materialised whole before its first row,
            // which on a busy machine can outlast the statement timeout; two of a thousand, joined, are not
            var cut = rows(runner, "SELECT a.g FROM generate_series(1, 1000) a(g) CROSS JOIN generate_series(1, 1000) b(h)");
            var next = rows(runner, "SELECT 1 AS one");

            assertThat(cut.rows()).hasSize(10).first().isEqualTo(List.of(1));
            assertThat(cut.truncated()).isTrue();
            assertThat(next.rows()).containsExactly(List.of(1));
            assertThat(next.truncated()).isFalse();
        }
    }

    @Test
    void cutsAtTheByteCap() {
        try (var runner = database.readerRunner(SMALL, 1, mode)) {
            var cut = rows(runner, "SELECT repeat('x', 100) AS filler FROM generate_series(1, 20)");

            assertThat(cut.truncated()).isTrue();
            assertThat(cut.rows()).hasSizeBetween(1, 9);
            assertThat(Json.MAPPER.writeValueAsBytes(cut.rows()).length).isLessThanOrEqualTo(1_000);
        }
    }

    @Test
    void keepsAResultThatFitsWhole() {
        try (var runner = database.readerRunner(SMALL, 1, mode)) {
            var whole = rows(runner, "SELECT name FROM teams ORDER BY id");

            assertThat(whole.truncated()).isFalse();
            assertThat(whole.rows()).containsExactly(List.of("Data"), List.of("Platform"), List.of("Design"));
        }
    }

    @Test
    void aSlowQueryDoesNotHoldUpAQuickOne() throws Exception {
        try (var runner = database.readerRunner(SMALL, 2, mode, false)) {
            CompletableFuture<ExecutionOutcome> slow = runner.run(ConsultancySchema.DATASOURCE,
                    "SELECT pg_sleep(3)").toCompletableFuture();
            long start = System.nanoTime();

            ExecutionOutcome quick = runner.run(ConsultancySchema.DATASOURCE, "SELECT 1 AS one")
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(quick).isInstanceOf(ExecutionOutcome.Rows.class);
            assertThat(slow).isNotDone();
            assertThat(slow.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionOutcome.Rows.class);
        }
    }

    private static ExecutionOutcome.Rows rows(R2dbcQueryRunner runner, String sql) {
        ExecutionOutcome outcome = runner.execute(ConsultancySchema.DATASOURCE, sql).block();
        assertThat(outcome).isInstanceOf(ExecutionOutcome.Rows.class);
        return (ExecutionOutcome.Rows) outcome;
    }
}
