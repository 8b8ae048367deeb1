package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a pool of one connection, in either mode: a statement that changed its session leaves the connection
 * back at its startup parameters for the next one (DISCARD ALL, same backend), and a connection that cannot
 * be reset is replaced, not handed out again. A statement whose caller let go of it (a cancelled query) stops in
 * the database, not only in the driver.
 */
@ParameterizedClass
@EnumSource(ExecutionMode.class)
class ConnectionResetIntegrationTest {

    static final ExecutionLimits LIMITS = new ExecutionLimits(Duration.ofMillis(4500), Duration.ofMillis(700),
            Duration.ofSeconds(9), 100, 100_000);
    static final String SETTINGS = """
            SELECT pg_backend_pid(), current_setting('default_transaction_read_only'),
                   current_setting('statement_timeout'), current_setting('lock_timeout'),
                   current_setting('idle_in_transaction_session_timeout')""";

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
    void everyConnectionStartsWithTheLimitsAsSessionSettings() {
        try (var runner = database.readerRunner(LIMITS, 1, mode, false)) {
            assertThat(row(runner, "SELECT current_setting('default_transaction_read_only'), "
                    + "current_setting('transaction_read_only'), current_setting('standard_conforming_strings')"))
                    .containsExactly("on", "on", "on");
        }
    }

    @Test
    void stringsAreStandardConformingEvenWhenTheRoleDefaultsToBackslashEscapes() {
        // the guard reads 'a\' as PostgreSQL does only with standard_conforming_strings on
        database.runAsOwner("ALTER ROLE " + ConsultancyDatabase.READER + " SET standard_conforming_strings = off");
        try (var runner = database.readerRunner(LIMITS, 1, mode, false)) {
            assertThat(row(runner, "SELECT current_setting('standard_conforming_strings'), length('a\\')"))
                    .containsExactly("on", 2);
        } finally {
            database.runAsOwner("ALTER ROLE " + ConsultancyDatabase.READER + " RESET standard_conforming_strings");
        }
    }

    @Test
    void aChangedSessionIsResetToItsStartupSettingsOnTheSameConnection() {
        try (var runner = database.readerRunner(LIMITS, 1, mode, false)) {
            Object pid = row(runner, SETTINGS).getFirst();
            for (String change : List.of("SET default_transaction_read_only = off", "SET statement_timeout = 0",
                    "SET lock_timeout = 0", "SELECT set_config('idle_in_transaction_session_timeout', '0', false)",
                    "SET standard_conforming_strings = off")) {
                runner.execute(ConsultancySchema.DATASOURCE, change).block();
            }

            assertThat(row(runner, SETTINGS)).containsExactly(pid, "on", "4500ms", "700ms", "9s");
            assertThat(row(runner, "SELECT current_setting('standard_conforming_strings')")).containsExactly("on");
        }
    }

    @Test
    void aConnectionThatCannotBeResetIsReplaced() {
        try (var runner = database.readerRunner(LIMITS, 1, mode, false)) {
            Object pid = row(runner, SETTINGS).getFirst();

            ExecutionOutcome killed = runner.execute(ConsultancySchema.DATASOURCE,
                    "SELECT pg_terminate_backend(pg_backend_pid())").block();

            assertThat(killed).isInstanceOf(ExecutionOutcome.Failed.class);
            List<Object> after = row(runner, SETTINGS);
            assertThat(after.getFirst()).isNotEqualTo(pid);
            assertThat(after.subList(1, 5)).containsExactly("on", "4500ms", "700ms", "9s");
        }
    }

    @Test
    void aStatementGivenUpByItsCallerStopsInTheDatabaseAndItsConnectionServesTheNext() throws Exception {
        // a statement timeout far beyond the test: only the cancel request can end the sleep in time
        var patient = new ExecutionLimits(Duration.ofMinutes(10), LIMITS.lockTimeout(), Duration.ofMinutes(10), 100, 100_000);
        try (var runner = database.readerRunner(patient, 1, mode, false)) {
            var running = runner.run(ConsultancySchema.DATASOURCE, "SELECT pg_sleep(600)").toCompletableFuture();
            awaitSleeping(1);

            running.cancel(true);

            awaitSleeping(0);
            assertThat(row(runner, "SELECT 42")).containsExactly(42);
        }
    }

    /** Waits (at most 60 s, a generous bound on a loaded machine) until so many statements sleep in the database. */
    private static void awaitSleeping(int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int sleeping = -1;
        while (System.nanoTime() < deadline) {
            try (Connection c = database.ownerConnection(); var s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                         + "AND query LIKE '%pg_sleep(600)%' AND pid <> pg_backend_pid()")) {
                r.next();
                sleeping = r.getInt(1);
            }
            if (sleeping == expected) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(sleeping).as("statements sleeping in pg_stat_activity").isEqualTo(expected);
    }

    private static List<Object> row(R2dbcQueryRunner runner, String sql) {
        ExecutionOutcome outcome = runner.execute(ConsultancySchema.DATASOURCE, sql).block();
        assertThat(outcome).isInstanceOf(ExecutionOutcome.Rows.class);
        return ((ExecutionOutcome.Rows) outcome).rows().getFirst();
    }
}
