package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real PostgreSQL errors through the runner, logged in as the tables' owner with neither guard nor plan check,
 * so that a denied column's value can reach an error message: the failure keeps its SQLSTATE and the names the
 * statement wrote, never the value the database read (the users' password hashes are 'secret-n').
 */
class DatabaseErrorsIntegrationTest {

    static ConsultancyDatabase database;
    static R2dbcQueryRunner owner;

    @BeforeAll
    static void start() {
        database = ConsultancyDatabase.start();
        database.runAsOwner("""
                CREATE FUNCTION check_secret() RETURNS int LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the secret is %', (SELECT password_hash FROM users LIMIT 1); END $$""");
        owner = database.ownerRunner(ExecutionLimits.DEFAULTS, 1, ExecutionMode.SESSION, false);
    }

    @AfterAll
    static void stop() throws Exception {
        owner.close();
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT (SELECT password_hash FROM users LIMIT 1)::int",
            "SELECT (SELECT 'a\"b' || password_hash FROM users LIMIT 1)::int",
            "SELECT (SELECT password_hash FROM users LIMIT 1)::regclass",
            "SELECT (SELECT password_hash FROM users LIMIT 1)::date",
            "SELECT (SELECT password_hash FROM users LIMIT 1)::numeric",
            "SELECT (SELECT password_hash FROM users LIMIT 1)::interval",
            "SELECT (SELECT password_hash FROM users LIMIT 1)::uuid",
            "SELECT (SELECT password_hash FROM users LIMIT 1)::boolean",
            "SELECT (SELECT password_hash FROM users LIMIT 1)::int[]",
            "SELECT to_date((SELECT password_hash FROM users LIMIT 1), 'YYYY')",
            "SELECT id FROM teams WHERE id = ANY (SELECT password_hash::int FROM users)",
            "SELECT '{}'::jsonb ->> (SELECT password_hash FROM users LIMIT 1)::int",
            "SELECT set_config('datestyle', (SELECT password_hash FROM users LIMIT 1), true)",
            "SELECT (SELECT 'a\" ' || password_hash || ' \"b' FROM users LIMIT 1)::int",
            "SELECT check_secret()"})
    void aValueReadByTheStatementNeverReachesTheMessage(String sql) {
        ExecutionOutcome outcome = owner.execute(ConsultancySchema.DATASOURCE, sql).block();

        assertThat(outcome).isInstanceOfSatisfying(ExecutionOutcome.Failed.class, f -> {
            assertThat(f.sqlState()).isNotBlank();
            assertThat(f.message()).doesNotContain("secret-").doesNotContain("secr");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SELECT budgett FROM projects | 42703 | column "budgett" does not exist
            SELECT 1 FROM projectz | 42P01 | relation "projectz" does not exist
            SELECT 'abc'::int | 22P02 | invalid input syntax for type integer: "abc"
            SELECT 1/0 | 22012 | division by zero
            SELECT nosuchfn(1) | 42883 | function nosuchfn(integer) does not exist""")
    void whatTheStatementWroteStays(String sql, String state, String message) {
        ExecutionOutcome outcome = owner.execute(ConsultancySchema.DATASOURCE, sql).block();

        assertThat(outcome).isInstanceOfSatisfying(ExecutionOutcome.Failed.class, f -> {
            assertThat(f.sqlState()).isEqualTo(state);
            assertThat(f.message()).isEqualTo(message);
            assertThat(f.plan().status()).as("this runner has no plan check").isEqualTo(PlanVerdict.SKIPPED);
        });
    }

    @Test
    void aRaisedMessageIsReplacedWhole() {
        ExecutionOutcome outcome = owner.execute(ConsultancySchema.DATASOURCE, "SELECT check_secret()").block();

        assertThat(outcome).isInstanceOfSatisfying(ExecutionOutcome.Failed.class, f -> {
            assertThat(f.sqlState()).isEqualTo("P0001");
            assertThat(f.message()).isEqualTo("the database reported an error (SQLSTATE P0001) whose text is not shown");
        });
    }
}
