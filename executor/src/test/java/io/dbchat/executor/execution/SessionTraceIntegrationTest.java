package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pooled connection goes back exactly as it was lent, with no SQL guard and the executor logged in as the
 * tables' owner: on a pool of one connection, a statement that changes its session (directly, or hidden in a
 * query_to_xml text) leaves no trace on the next query, which still stops at the statement timeout and holds
 * no advisory lock (seen from another connection); a large object is never left behind.
 */
@ParameterizedClass
@EnumSource(ExecutionMode.class)
class SessionTraceIntegrationTest {

    static final ExecutionLimits LIMITS = new ExecutionLimits(Duration.ofMillis(800), Duration.ofMillis(500),
            Duration.ofSeconds(5), 100, 100_000);
    static final List<String> CHANGES = List.of(
            "SELECT set_config('statement_timeout', '0', false)",
            "SELECT pg_try_advisory_lock(1)",
            "SELECT * FROM query_to_xml('select se' || 't_config(''statement_timeout'',''0'',false)', true, true, '')",
            "SELECT pg_notify('c', 'x')",
            "SELECT lo_from_bytea(0, 'x')");

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

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void aSessionChangeLeavesNoTraceOnTheNextQuery(int change) throws SQLException {
        try (var runner = database.ownerRunner(LIMITS, 1, mode, false)) {
            runner.execute(ConsultancySchema.DATASOURCE, CHANGES.get(change)).block();

            assertThat(advisoryLocks()).isZero();
            ExecutionOutcome sleep = runner.execute(ConsultancySchema.DATASOURCE, "SELECT pg_sleep(30)").block();
            assertThat(sleep).isInstanceOfSatisfying(ExecutionOutcome.Failed.class, f -> {
                assertThat(f.sqlState()).isEqualTo("57014");
                assertThat(f.message()).contains("statement timeout");
            });
            assertThat(single(runner, "SELECT count(*) FROM pg_listening_channels()")).isEqualTo(0L);
        }
    }

    @Test
    void theWholeSequenceRunsOnOneBackendAndEndsWhereItStarted() throws SQLException {
        try (var runner = database.ownerRunner(LIMITS, 1, mode, false)) {
            Object pid = single(runner, "SELECT pg_backend_pid()");
            for (String change : CHANGES.subList(0, 4)) {
                runner.execute(ConsultancySchema.DATASOURCE, change).block();
            }

            assertThat(single(runner, "SELECT pg_backend_pid()")).isEqualTo(pid);
            assertThat(single(runner, "SELECT current_setting('statement_timeout')")).isEqualTo("800ms");
            assertThat(advisoryLocks()).isZero();
        }
    }

    @Test
    void aLargeObjectIsRefusedByThePlanCheckOrRolledBack() throws SQLException {
        long before = largeObjects();
        // session mode commits what a statement did, so only the plan check stops it there; a transaction-mode
        // execution is always rolled back, which undoes it even without the check
        try (var runner = database.ownerRunner(LIMITS, 1, mode, mode == ExecutionMode.SESSION)) {
            runner.execute(ConsultancySchema.DATASOURCE, CHANGES.get(4)).block();
        }

        assertThat(largeObjects()).isEqualTo(before);
    }

    @Test
    void withThePlanCheckNoneOfThemRuns() throws SQLException {
        long objects = largeObjects();
        try (var runner = database.ownerRunner(LIMITS, 1, mode, true)) {
            for (String change : CHANGES) {
                assertThat(runner.execute(ConsultancySchema.DATASOURCE, change).block())
                        .isInstanceOf(ExecutionOutcome.Refused.class);
            }
        }

        assertThat(advisoryLocks()).isZero();
        assertThat(largeObjects()).isEqualTo(objects);
    }

    private static Object single(R2dbcQueryRunner runner, String sql) {
        ExecutionOutcome outcome = runner.execute(ConsultancySchema.DATASOURCE, sql).block();
        assertThat(outcome).isInstanceOf(ExecutionOutcome.Rows.class);
        return ((ExecutionOutcome.Rows) outcome).rows().getFirst().getFirst();
    }

    private static long advisoryLocks() throws SQLException {
        return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
    }

    private static long largeObjects() throws SQLException {
        return count("SELECT count(*) FROM pg_largeobject_metadata");
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = database.ownerConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
