package io.dbchat.executor.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import io.dbchat.executor.guard.SqlGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With the guard and the plan check switched off (test-only settings), in either execution mode, the database still refuses:
 * read-only transactions stop writes and DDL, the reader role's grants stop unpublished data, the statement
 * timeout stops pg_sleep(60), and the extended protocol stops a second statement. The pool holds one
 * connection, so a session setting one statement changes would meet the next statement, were it not reset.
 */
@ParameterizedClass
@EnumSource(ExecutionMode.class)
class DefenceInDepthIntegrationTest {

    static final ExecutorProperties UNGUARDED = new ExecutorProperties(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(10), 1000, org.springframework.util.unit.DataSize.ofMegabytes(4), 1000, 20_000, 12, 8,
            1, false, ExecutionMode.SESSION, false, null, null);

    static ConsultancyDatabase database;

    @Parameter
    ExecutionMode mode;
    R2dbcQueryRunner runner;
    QueryHandler handler;

    @BeforeAll
    static void start() {
        database = ConsultancyDatabase.start();
    }

    @BeforeEach
    void startRunner() {
        runner = database.readerRunner(UNGUARDED.executionLimits(), UNGUARDED.poolSize(), mode, false);
        handler = new QueryHandler(new SqlGuard(UNGUARDED.guardLimits()), runner, UNGUARDED, Clock.systemUTC());
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO teams (name) VALUES ('intruders')",
            "UPDATE users SET hourly_rate = 0",
            "DELETE FROM invoices",
            "CREATE TABLE stolen AS SELECT * FROM teams",
            "DROP TABLE invoice_lines",
            "SELECT set_config('transaction_read_only', 'off', true)",
            "WITH d AS (DELETE FROM invoices RETURNING id) SELECT count(*) FROM d"})
    void writesAndDdlAreRefusedByTheReadOnlyTransaction(String sql) {
        Object result = last(sql);

        assertThat(result).isInstanceOfSatisfying(QueryRejected.class,
                r -> assertThat(r.problem().code()).isEqualTo("sql_rejected"));
        assertNothingChanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT amount FROM salaries",
            "SELECT password_hash FROM users",
            "SELECT rolpassword FROM pg_authid"})
    void unpublishedDataIsRefusedByTheRoleGrants(String sql) {
        Object result = last(sql);

        assertThat(result).isInstanceOfSatisfying(QueryRejected.class, r -> {
            assertThat(r.problem().code()).isEqualTo("sql_rejected");
            assertThat(r.problem().message()).contains("permission denied");
        });
    }

    @Test
    void pgSleepIsStoppedByTheStatementTimeout() {
        long start = System.nanoTime();

        Object result = last("SELECT pg_sleep(60)");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(result).isInstanceOfSatisfying(QueryRejected.class, r -> {
            assertThat(r.problem().code()).isEqualTo("query_timeout");
            assertThat(r.problem().message()).isEqualTo("The query took longer than 1 s and was stopped.");
        });
    }

    @Test
    void aSecondStatementNeverRuns() {
        Object result = last("SELECT 1; DELETE FROM invoices");

        assertThat(result).isInstanceOfSatisfying(SqlFailed.class, f -> assertThat(f.sqlState()).isEqualTo("42601"));
        assertNothingChanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SET default_transaction_read_only = off",
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
            "SELECT set_config('default_transaction_read_only', 'off', false)",
            "BEGIN READ WRITE",
            "RESET ALL"})
    void aSessionSettingCannotLiftTheNextQueryOutOfReadOnly(String sql) {
        last(sql);

        // the role may create temporary tables: only read-only stops this one
        var write = runner.execute(ConsultancySchema.DATASOURCE, "CREATE TEMP TABLE later (a int)").block();

        assertThat(write).isInstanceOfSatisfying(ExecutionOutcome.Failed.class,
                f -> assertThat(f.sqlState()).isEqualTo("25006"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SET statement_timeout = 0",
            "SELECT set_config('statement_timeout', '0', false)",
            "/* a comment first */ (SELECT set_config('statement_timeout', '0', false))",
            "RESET statement_timeout"})
    void aSessionSettingCannotLiftTheNextQuerysTimeout(String sql) {
        last(sql);

        var sleep = runner.execute(ConsultancySchema.DATASOURCE, "SELECT pg_sleep(60)").block();

        // the server's statement timeout, not the client's later fallback, stopped it
        assertThat(sleep).isInstanceOfSatisfying(ExecutionOutcome.Failed.class, f -> {
            assertThat(f.sqlState()).isEqualTo("57014");
            assertThat(f.message()).contains("statement timeout");
        });
    }

    @Test
    void anOrdinaryQueryStillRuns() {
        assertThat(last("SELECT count(*) AS n FROM teams")).isInstanceOfSatisfying(QueryAnswered.class,
                a -> assertThat(a.rows()).containsExactly(List.of(3L)));
    }

    private Object last(String sql) {
        var question = QuestionAsked.of("q-1", "c-1", "tester", ConsultancySchema.DATASOURCE, "?", Instant.EPOCH);
        var proposal = SqlProposed.of(question, sql, 1, TranslatorInfo.offline("t"), Usage.NONE, 0, "v-test");
        return switch (handler.check(proposal, ConsultancySchema.snapshot()).getLast()) {
            case Execution execution -> switch (handler.outcome(execution, handler.run(execution).toCompletableFuture().join())) {
                case Ran.Result r -> r.result();
                case Ran.Failed f -> f.failure();
            };
            case Checked.Refused r -> r.rejected();
            case Checked.Correctable c -> c.failure();
            case Checked.Status s -> s.reply();
        };
    }

    private static void assertNothingChanged() {
        var check = database.readerRunner(UNGUARDED.executionLimits(), 1, ExecutionMode.SESSION, false);
        var counts = check.execute(ConsultancySchema.DATASOURCE, """
                SELECT (SELECT count(*) FROM teams), (SELECT count(*) FROM invoices),
                       (SELECT count(*) FROM invoice_lines), (SELECT min(hourly_rate) FROM users),
                       (SELECT count(*) FROM pg_tables WHERE tablename = 'stolen')""").block();
        check.close();
        assertThat(((ExecutionOutcome.Rows) counts).rows().getFirst())
                .containsExactly(3L, 2L, 3L, new java.math.BigDecimal("80.25"), 0L);
    }
}
