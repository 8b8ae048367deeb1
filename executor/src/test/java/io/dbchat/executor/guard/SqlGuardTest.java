package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.executor.ConsultancySchema;
import org.junit.jupiter.api.Test;

/** The guard's rewrites and bounds, one behaviour at a time. */
class SqlGuardTest {

    static final SchemaSnapshot SCHEMA = ConsultancySchema.snapshot();
    final SqlGuard guard = new SqlGuard(new GuardLimits(20_000, 12, 8, 100));

    @Test
    void aCommandBehindNestedCommentsIsNamedForWhatItIs() {
        var verdict = guard.check("/* outer /* inner */ still a comment */ DROP TABLE users", SCHEMA);

        assertThat(verdict).isInstanceOf(GuardResult.Rejected.class);
        assertThat(((GuardResult.Rejected) verdict).problem().code()).isEqualTo("sql.not_a_query");
    }

    @Test
    void addsARowLimit() {
        assertThat(accepted("SELECT name FROM teams")).isEqualTo("SELECT name FROM teams LIMIT 100");
    }

    @Test
    void tightensALargerLimitAndKeepsASmallerOne() {
        assertThat(accepted("SELECT name FROM teams LIMIT 5000")).isEqualTo("SELECT name FROM teams LIMIT 100");
        assertThat(accepted("SELECT name FROM teams LIMIT ALL")).isEqualTo("SELECT name FROM teams LIMIT 100");
        assertThat(accepted("SELECT name FROM teams LIMIT 7 OFFSET 2")).isEqualTo("SELECT name FROM teams LIMIT 7 OFFSET 2");
        assertThat(accepted("SELECT name FROM teams FETCH FIRST 500 ROWS ONLY"))
                .isEqualTo("SELECT name FROM teams FETCH FIRST 100 ROWS ONLY");
    }

    @Test
    void limitsAWholeSetOperation() {
        assertThat(accepted("SELECT name FROM teams UNION SELECT name FROM skills"))
                .isEqualTo("SELECT name FROM teams UNION SELECT name FROM skills LIMIT 100");
    }

    @Test
    void expandsAStarToThePublishedColumnsOnly() {
        assertThat(accepted("SELECT * FROM users")).isEqualTo("SELECT \"users\".\"id\", \"users\".\"team_id\", "
                + "\"users\".\"email\", \"users\".\"full_name\", \"users\".\"role\", \"users\".\"hired_at\", "
                + "\"users\".\"hourly_rate\", \"users\".\"active\" FROM users LIMIT 100");
        assertThat(accepted("SELECT t.*, u.id FROM teams t JOIN users u ON u.team_id = t.id"))
                .startsWith("SELECT \"t\".\"id\", \"t\".\"name\", \"t\".\"created_at\", u.id FROM");
    }

    @Test
    void expandsAStarOverADerivedTableToItsOutputs() {
        assertThat(accepted("SELECT * FROM (SELECT id, name FROM teams) x"))
                .isEqualTo("SELECT \"x\".\"id\", \"x\".\"name\" FROM (SELECT id, name FROM teams) x LIMIT 100");
    }

    @Test
    void groupsByTheAliasedExpressionRatherThanAnInputColumnOfThatName() {
        assertThat(accepted("SELECT id AS password_hash FROM users GROUP BY password_hash"))
                .isEqualTo("SELECT id AS password_hash FROM users GROUP BY id LIMIT 100");
        assertThat(accepted("SELECT role AS r, count(*) FROM users GROUP BY r"))
                .isEqualTo("SELECT role AS r, count(*) FROM users GROUP BY role LIMIT 100");
    }

    @Test
    void aCteShadowsATableOfTheSameName() {
        assertThat(guard.check("WITH salaries AS (SELECT id FROM teams) SELECT id FROM salaries", SCHEMA))
                .isInstanceOf(GuardResult.Accepted.class);
    }

    @Test
    void foldsUnquotedNamesAndKeepsQuotedOnes() {
        assertThat(guard.check("SELECT NAME FROM TEAMS", SCHEMA)).isInstanceOf(GuardResult.Accepted.class);
        assertThat(guard.check("SELECT \"name\" FROM \"teams\"", SCHEMA)).isInstanceOf(GuardResult.Accepted.class);
        assertThat(problem("SELECT \"Name\" FROM teams").code()).isEqualTo("sql.column_not_allowed");
    }

    @Test
    void explainsARefusalInASentence() {
        assertThat(problem("SELECT amount FROM salaries"))
                .isEqualTo(new Problem("sql.table_not_allowed", "The table 'salaries' is not available."));
        assertThat(problem("SELECT password_hash FROM users"))
                .isEqualTo(new Problem("sql.column_not_allowed", "The column 'password_hash' is not available."));
        assertThat(problem("SELECT pg_sleep(1)"))
                .isEqualTo(new Problem("sql.function_not_allowed", "The function 'pg_sleep' is not allowed."));
    }

    @Test
    void boundsLengthJoinsAndNesting() {
        var strict = new SqlGuard(new GuardLimits(60, 1, 2, 100));

        assertThat(strict.check("SELECT name FROM teams WHERE name = '" + "x".repeat(40) + "'", SCHEMA))
                .isInstanceOfSatisfying(GuardResult.Rejected.class,
                        r -> assertThat(r.problem().code()).isEqualTo("sql.too_complex"));
        assertThat(strict.check("SELECT 1 FROM teams a JOIN teams b ON true", SCHEMA))
                .isInstanceOf(GuardResult.Accepted.class);
        assertThat(strict.check("SELECT 1 FROM teams a, teams b, teams c", SCHEMA))
                .isInstanceOf(GuardResult.Rejected.class);
        assertThat(strict.check("SELECT (SELECT (SELECT 1))", SCHEMA)).isInstanceOf(GuardResult.Rejected.class);
    }

    @Test
    void resolvesAColumnOfAnOuterQueryOnlyPastLevelsWithoutTables() {
        assertThat(guard.check("SELECT name FROM teams t WHERE EXISTS (SELECT 1 FROM (SELECT 1 AS x) d WHERE name = 'Data')",
                SCHEMA)).isInstanceOf(GuardResult.Accepted.class);
        assertThat(problem("SELECT name FROM teams t WHERE EXISTS (SELECT 1 FROM users WHERE name = 'Data')").code())
                .isEqualTo("sql.column_not_allowed");
    }

    @Test
    void aNewSchemaVersionIsCheckedAfreshWhileTheSameOneIsRemembered() {
        var tables = new java.util.ArrayList<>(SCHEMA.tables());
        tables.add(new io.dbchat.contracts.events.TableSchema("public", "salaries", "table", null, 0,
                java.util.List.of(io.dbchat.contracts.events.ColumnSchema.of("amount", "numeric", false)),
                java.util.List.of(), java.util.List.of(), java.util.List.of()));
        var widened = new SchemaSnapshot(1, SCHEMA.datasource(), "v-wider", SCHEMA.readAt(), tables);

        GuardResult before = guard.check("SELECT amount FROM salaries", SCHEMA);
        GuardResult after = guard.check("SELECT amount FROM salaries", widened);

        assertThat(before).isInstanceOf(GuardResult.Rejected.class);
        assertThat(after).isInstanceOf(GuardResult.Accepted.class);
        assertThat(guard.check("SELECT amount FROM salaries", SCHEMA)).isSameAs(before);
    }

    private String accepted(String sql) {
        GuardResult result = guard.check(sql, SCHEMA);
        assertThat(result).isInstanceOf(GuardResult.Accepted.class);
        return ((GuardResult.Accepted) result).sql();
    }

    private Problem problem(String sql) {
        GuardResult result = guard.check(sql, SCHEMA);
        assertThat(result).isInstanceOf(GuardResult.Rejected.class);
        return ((GuardResult.Rejected) result).problem();
    }
}
