package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.executor.ConsultancySchema;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * attacks-v3.tsv, for a principal under row and column policies: every {@code refuse} entry is refused; a
 * {@code safe} entry that passes names no denied column or table in the SQL the guard lets run.
 */
class AttacksV3Test {

    static final SchemaSnapshot SCHEMA = ConsultancySchema.snapshot();
    static final Set<String> DENIED_COLUMNS = Set.of("password_hash", "hourly_rate", "email");
    static final Set<String> DENIED_TABLES = Set.of("salaries");

    final SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);

    static List<GuardCorpus.Attack> attacks() {
        return GuardCorpus.attacksV3();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("attacks")
    void attackIsRefusedOrRunsNothingDenied(GuardCorpus.Attack attack) {
        GuardResult verdict = guard.check(attack.sql(), SCHEMA, GuardCorpus.V3_SCOPE);

        if (attack.mustBeRefused()) {
            assertThat(verdict).isInstanceOfSatisfying(GuardResult.Rejected.class,
                    r -> assertThat(r.problem().message()).isNotBlank().endsWith("."));
        } else if (verdict instanceof GuardResult.Accepted accepted) {
            assertThat(DeniedReferences.in(accepted.sql(), DENIED_COLUMNS, DENIED_TABLES)).as(accepted.sql()).isEmpty();
        }
    }

    /**
     * Leak 1: the parser ended E'a\'' at the escaped quote, PostgreSQL read on and ran the text beyond as SQL; the same
     * through typed literals (leak 3), which keep their string as written; a column COMMENT is printed back in a
     * block comment that its own text could end.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT E'a\\'' AS x, password_hash FROM users --'",
        "SELECT E'\\\\' AS x, full_name FROM users",
        "SELECT e'\\x27' AS x",
        "SELECT full_name FROM users WHERE full_name LIKE E'%\\_%'",
        "SELECT INTERVAL E'1\\'' AS x, password_hash FROM users --'",
        "SELECT DATE E'2020\\'' AS x, password_hash FROM users --'",
        "SELECT TIMESTAMP E'2020\\'' AS x, password_hash FROM users --'",
        "SELECT id COMMENT '*/, password_hash FROM users --' FROM users"
    })
    void anEscapeStringHoldingABackslashIsRefused(String sql) {
        assertThat(guard.check(sql, SCHEMA)).isInstanceOfSatisfying(GuardResult.Rejected.class,
                r -> assertThat(r.problem().code()).isEqualTo("sql.construct_not_allowed"));
    }

    @Test
    void stringsPostgreSQLReadsAsTheParserDoesStillPass() {
        for (String sql : List.of("SELECT E'it''s' AS x", "SELECT 'a\\b' AS x", "SELECT $$a'b$$ AS x",
                "SELECT N'x' AS x", "SELECT B'0101' AS x")) {
            assertThat(guard.check(sql, SCHEMA)).as(sql).isInstanceOf(GuardResult.Accepted.class);
        }
    }

    /** Leak 2: allowlisted calls asked by literal arguments for a billion rows or a gigabyte string. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT count(*) FROM generate_series(1, 1000000000000)",
        "SELECT count(*) FROM generate_series(1, 1e12) AS x",
        "SELECT count(*) FROM generate_series(10000000, -10000000, -1) AS x",
        "SELECT length(lpad('x', 2000000000))",
        "SELECT length(lpad(name, id)) FROM teams",
        "SELECT length(format('%1$-20000s', 'x'))",
        "SELECT length(format('%*s', 5, 'x'))"
    })
    void aCallAskingForTooMuchIsRefused(String sql) {
        assertThat(guard.check(sql, SCHEMA)).as(sql).isInstanceOfSatisfying(GuardResult.Rejected.class,
                r -> assertThat(r.problem().code()).isEqualTo("sql.too_complex"));
    }

    /** The shape cache answered a known shape by template, past the bound, until series with markers were refused. */
    @Test
    void aKnownShapeDoesNotCarryAHugeSeriesPastTheBound() {
        for (int stop : new int[] {10, 20, 30, 40}) {
            assertThat(guard.check("SELECT count(*) FROM generate_series(1, " + stop + ") AS x", SCHEMA))
                    .isInstanceOf(GuardResult.Accepted.class);
            assertThat(guard.check("SELECT length(lpad(name, " + stop + ")) FROM teams", SCHEMA))
                    .isInstanceOf(GuardResult.Accepted.class);
        }
        assertThat(guard.check("SELECT count(*) FROM generate_series(1, 1000000000000) AS x", SCHEMA))
                .isInstanceOf(GuardResult.Rejected.class);
        assertThat(guard.check("SELECT length(lpad(name, 500000000)) FROM teams", SCHEMA))
                .isInstanceOf(GuardResult.Rejected.class);
    }

    @Test
    void boundedCallsStillPass() {
        for (String sql : List.of("SELECT x FROM generate_series(1, 1000000) AS x",
                "SELECT x FROM generate_series(1, (SELECT count(*) FROM teams)) AS x",
                "SELECT lpad(id::text, 5, '0') FROM teams", "SELECT format('%s-%10s', id, name) FROM teams")) {
            assertThat(guard.check(sql, SCHEMA)).as(sql).isInstanceOf(GuardResult.Accepted.class);
        }
    }

    /** Leak 4: PostgreSQL cuts names to 63 bytes, so aliases the guard told apart named one table to it. */
    @Test
    void aNameLongerThanPostgreSQLKeepsIsRefused() {
        String a63 = "a".repeat(63);
        String sql = "SELECT (SELECT " + a63 + "y.password_hash FROM users AS " + a63 + "x LIMIT 1) FROM (SELECT 'x' AS"
                + " password_hash) AS " + a63 + "y";

        assertThat(guard.check(sql, SCHEMA)).isInstanceOfSatisfying(GuardResult.Rejected.class,
                r -> assertThat(r.problem().message()).contains("63 bytes"));
        assertThat(guard.check("SELECT t.id AS \"" + "é".repeat(32) + "\" FROM teams t", SCHEMA))
                .as("32 two-byte letters: 64 bytes").isInstanceOf(GuardResult.Rejected.class);
        assertThat(guard.check("SELECT " + "x".repeat(64) + ".id FROM teams AS " + "x".repeat(64), SCHEMA))
                .isInstanceOfSatisfying(GuardResult.Rejected.class,
                        r -> assertThat(r.problem().code()).isEqualTo("sql.construct_not_allowed"));
        assertThat(guard.check("SELECT " + "t".repeat(63) + ".id FROM teams AS " + "t".repeat(63), SCHEMA))
                .as("63 bytes is PostgreSQL's own limit").isInstanceOf(GuardResult.Accepted.class);
    }

    /** Leak 5: a quoted "current_date" is a name to PostgreSQL, here the alias of users, so a whole row. */
    @Test
    void aQuotedTimeKeywordIsANameNotTheKeyword() {
        assertThat(guard.check("SELECT to_jsonb(\"current_date\") FROM users AS \"current_date\"", SCHEMA))
                .isInstanceOfSatisfying(GuardResult.Rejected.class,
                        r -> assertThat(r.problem().code()).isEqualTo("sql.column_not_allowed"));
        assertThat(guard.check("SELECT \"localtime\"::text FROM users \"localtime\"", SCHEMA))
                .isInstanceOf(GuardResult.Rejected.class);
        assertThat(guard.check("SELECT current_date, localtime FROM users AS \"current_date\"", SCHEMA))
                .as("unquoted, the keyword").isInstanceOf(GuardResult.Accepted.class);
    }

    @Test
    void corpusIsLargeAndMostlyRefusals() {
        assertThat(attacks()).hasSizeGreaterThanOrEqualTo(120);
        assertThat(attacks().stream().filter(GuardCorpus.Attack::mustBeRefused).count()).isGreaterThanOrEqualTo(120);
    }
}
