package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.executor.ConsultancySchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Names resolved the way PostgreSQL resolves them: set-returning functions by their real output columns, columns
 * before whole rows, and each FROM item, ON clause and LATERAL item seeing exactly what PostgreSQL lets it see.
 */
class NameResolutionTest {

    static final SchemaSnapshot SCHEMA = ConsultancySchema.snapshot();
    final SqlGuard guard = new SqlGuard(new GuardLimits(20_000, 12, 8, 100));

    @ParameterizedTest
    @ValueSource(strings = {
            // an alias that names a denied column: PostgreSQL reads users.password_hash, the function's column is "value"
            "SELECT password_hash FROM users, jsonb_array_elements('[1]') AS password_hash",
            "SELECT password_hash FROM users, jsonb_array_elements_text('[1]') AS password_hash",
            "SELECT password_hash FROM users, json_each('{}') AS password_hash",
            "SELECT password_hash FROM users JOIN jsonb_array_elements('[1]') AS password_hash ON true",
            "SELECT password_hash FROM users, unnest(ARRAY[1], ARRAY[2]) AS password_hash",
            "SELECT (SELECT password_hash FROM jsonb_array_elements('[1]') AS password_hash) FROM users",
            "SELECT id FROM users WHERE EXISTS (SELECT 1 FROM jsonb_array_elements('[1]') AS password_hash "
                    + "WHERE password_hash IS NOT NULL)",
            // whole rows carry every column
            "SELECT u FROM users u",
            "SELECT to_json(u) FROM users u",
            "SELECT to_jsonb(users) FROM users",
            "SELECT u::text FROM users u",
            "SELECT (u).password_hash FROM users u",
            "SELECT format('%s', u) FROM users u",
            "SELECT count(u.*) FROM users u",
            "SELECT id FROM users a JOIN users b USING (password_hash)",
            // a plain subquery in FROM cannot see its neighbours: PostgreSQL resolves the name outside it
            "SELECT (SELECT d.v FROM (SELECT name AS password_hash FROM teams) s, (SELECT password_hash AS v) d) FROM users",
            // an ON clause sees only its own join tree
            "SELECT (SELECT 1 FROM (SELECT name AS password_hash FROM teams) s, teams t JOIN skills k "
                    + "ON password_hash IS NOT NULL) FROM users",
    })
    void refusesWhatWouldReadADeniedColumn(String sql) {
        assertThat(guard.check(sql, SCHEMA)).as(sql).isInstanceOfSatisfying(GuardResult.Rejected.class,
                r -> assertThat(r.problem().code()).isEqualTo("sql.column_not_allowed"));
    }

    @Test
    void refusesANaturalJoinWhichMatchesUnpublishedColumnsToo() {
        assertThat(guard.check("SELECT id FROM users NATURAL JOIN teams", SCHEMA))
                .isInstanceOfSatisfying(GuardResult.Rejected.class,
                        r -> assertThat(r.problem().code()).isEqualTo("sql.construct_not_allowed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT e.value FROM clients c, jsonb_array_elements(to_jsonb(ARRAY[c.name])) AS e",
            "SELECT value FROM jsonb_array_elements('[1, 2]')",
            "SELECT e.value, e.ordinality FROM jsonb_array_elements('[1]') WITH ORDINALITY AS e",
            "SELECT key, value FROM jsonb_each('{\"a\": 1}')",
            "SELECT g FROM generate_series(1, 3) AS g",
            "SELECT g.g FROM generate_series(1, 3) g",
            "SELECT u FROM unnest(ARRAY['a', 'b']) AS u",
            "SELECT t.x FROM generate_series(1, 3) AS t(x)",
            "SELECT c.name, n.v FROM clients c CROSS JOIN LATERAL (SELECT c.country AS v) n",
            "SELECT name FROM teams WHERE id = ANY (SELECT team_id FROM projects)",
            "SELECT jsonb_build_object('a', name) ->> 'a' FROM teams",
            "SELECT created_at AT TIME ZONE 'UTC' FROM teams",
            "SELECT name FROM teams WHERE name LIKE 'a!%' ESCAPE '!'",
            "SELECT v.column1 FROM (VALUES (1), (2)) v",
    })
    void acceptsTheSameFormsOverAllowedObjects(String sql) {
        assertThat(guard.check(sql, SCHEMA)).as(sql).isInstanceOf(GuardResult.Accepted.class);
    }

    @Test
    void fetchWithTiesIsLimitedToo() {
        GuardResult result = guard.check("SELECT name FROM teams ORDER BY name FETCH FIRST 5 ROWS WITH TIES", SCHEMA);

        assertThat(result).isInstanceOfSatisfying(GuardResult.Accepted.class, a -> assertThat(a.sql())
                .isEqualTo("SELECT * FROM (SELECT name FROM teams ORDER BY name FETCH FIRST 5 ROWS WITH TIES) "
                        + "AS limited LIMIT 100"));
    }
}
