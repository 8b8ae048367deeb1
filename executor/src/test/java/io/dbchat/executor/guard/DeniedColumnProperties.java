package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.executor.ConsultancySchema;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random expressions over users u and teams t, mixing published columns with denied ones (users.password_hash, and
 * users.email and users.hourly_rate, which the policed principal may not read) in random positions of a statement.
 * Whenever the guard accepts one, an oracle that does not use the guard (every Column node of the re-parsed SQL it
 * lets run, found by reflection) finds no denied column; and each tree with only published columns is accepted, so
 * the positions are ones the guard really lets through.
 */
class DeniedColumnProperties {

    static final SchemaSnapshot SCHEMA = ConsultancySchema.snapshot();
    static final Set<String> DENIED = Set.of("password_hash", "email", "hourly_rate");
    static final GuardLimits DEEP = new GuardLimits(20_000, 12, 64, 1001);

    /** Unqualified only where no other level's table could hold the name: the guard refuses those as ambiguous. */
    private static final List<String> ALLOWED_COLUMNS = List.of("u.full_name", "full_name", "u.role", "role",
            "t.name", "u.id::text", "t.id::text");
    private static final List<String> DENIED_COLUMNS = List.of("u.password_hash", "password_hash", "u.email", "email",
            "u.hourly_rate::text", "hourly_rate::text", "\"password_hash\"", "U.PASSWORD_HASH", "users.email");

    /** Two-argument forms: each puts both expressions somewhere PostgreSQL evaluates them. */
    private static final List<String> FORMS = List.of(
            "coalesce(%s, %s)", "(%s || %s)", "CASE WHEN %s = 'x' THEN %s ELSE 'y' END", "nullif(%s, %s)",
            "greatest(%s, %s)", "least(%s, %s)", "(ARRAY[%s, %s])[1]", "concat_ws(',', %s, %s)",
            "(SELECT max(v) FROM (SELECT %s AS v UNION ALL SELECT %s) d)", "CASE %s WHEN %s THEN 'a' ELSE 'b' END",
            "(SELECT string_agg(x, ',' ORDER BY x) FROM unnest(ARRAY[%s, %s]) AS x)", "format('%%s%%s', %s, %s)",
            "(SELECT %s WHERE %s IS NOT NULL)", "jsonb_build_object('a', %s, 'b', %s) ->> 'a'",
            "(SELECT min(e.value) FROM jsonb_array_elements_text(jsonb_build_array(%s, %s)) e)",
            "CASE WHEN EXISTS (SELECT 1 WHERE %s > %s) THEN 'e' END", "replace(%s, 'a', %s)");

    /** One-argument forms. */
    private static final List<String> WRAPS = List.of("upper(%s)", "(%s)", "trim(%s)", "left(%s, 3)",
            "(SELECT %s)", "CAST(%s AS text)", "md5(%s)", "substring(%s FROM 1 FOR 2)");

    /** Where the expression stands; {@code %1$s} may appear more than once. */
    private static final List<String> STATEMENTS = List.of(
            "SELECT %1$s AS v FROM users u JOIN teams t ON t.id = u.team_id",
            "SELECT u.id FROM users u JOIN teams t ON t.id = u.team_id WHERE %1$s IS NOT NULL",
            "SELECT u.id FROM users u JOIN teams t ON t.id = u.team_id ORDER BY %1$s",
            "SELECT count(*) FROM users u JOIN teams t ON t.id = u.team_id GROUP BY %1$s",
            "SELECT u.team_id FROM users u JOIN teams t ON t.id = u.team_id GROUP BY u.team_id HAVING max(%1$s) > 'a'",
            "SELECT count(*) FILTER (WHERE %1$s > 'a') FROM users u JOIN teams t ON t.id = u.team_id",
            "SELECT rank() OVER (PARTITION BY %1$s ORDER BY u.id) FROM users u JOIN teams t ON t.id = u.team_id",
            "SELECT rank() OVER (ORDER BY %1$s) FROM users u JOIN teams t ON t.id = u.team_id",
            "SELECT string_agg(u.full_name, ',' ORDER BY %1$s) FROM users u JOIN teams t ON t.id = u.team_id",
            "SELECT DISTINCT ON (%1$s) u.id FROM users u JOIN teams t ON t.id = u.team_id",
            "SELECT u.id FROM users u JOIN teams t ON t.id = u.team_id AND %1$s > 'a'",
            "SELECT x.v FROM users u JOIN teams t ON t.id = u.team_id CROSS JOIN LATERAL (SELECT %1$s AS v) x",
            "WITH c AS (SELECT %1$s AS v FROM users u JOIN teams t ON t.id = u.team_id) SELECT v FROM c",
            "SELECT t.name FROM teams t WHERE EXISTS (SELECT 1 FROM users u WHERE u.team_id = t.id AND %1$s > 'a')",
            "SELECT t.name FROM teams t WHERE t.name IN (SELECT %1$s FROM users u)",
            "SELECT t.name FROM teams t LIMIT (SELECT length(max(%1$s)) FROM users u)",
            "SELECT (SELECT max(%1$s) FROM users u WHERE u.team_id = t.id) FROM teams t",
            "SELECT t.name FROM teams t UNION SELECT %1$s FROM users u JOIN teams t ON t.id = u.team_id",
            "SELECT v FROM (VALUES ((SELECT max(%1$s) FROM users u JOIN teams t ON t.id = u.team_id))) AS x(v)",
            "SELECT u.team_id FROM users u JOIN teams t ON t.id = u.team_id"
                    + " GROUP BY GROUPING SETS ((u.team_id), (%1$s))");

    /** An expression written twice: as generated, and with each denied column replaced by a published one. */
    record Expr(String sql, String allowedOnly) {
    }

    @Provide
    Arbitrary<Expr> expressions() {
        return expression(3);
    }

    private Arbitrary<Expr> expression(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                Arbitraries.of(ALLOWED_COLUMNS).map(c -> new Expr(c, c)),
                Combinators.combine(Arbitraries.of(DENIED_COLUMNS), Arbitraries.of(ALLOWED_COLUMNS))
                        .as(Expr::new));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expr> smaller = Arbitraries.lazy(() -> expression(depth - 1));
        Arbitrary<Expr> pair = Combinators.combine(Arbitraries.of(FORMS), smaller, smaller)
                .as((f, a, b) -> new Expr(f.formatted(a.sql(), b.sql()),
                        f.formatted(a.allowedOnly(), b.allowedOnly())));
        Arbitrary<Expr> wrap = Combinators.combine(Arbitraries.of(WRAPS), smaller)
                .as((w, a) -> new Expr(w.formatted(a.sql()), w.formatted(a.allowedOnly())));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, leaf), net.jqwik.api.Tuple.of(3, pair), net.jqwik.api.Tuple.of(2, wrap));
    }

    @Provide
    Arbitrary<String> statements() {
        return Arbitraries.of(STATEMENTS);
    }

    @Property(tries = 600)
    void whatTheGuardAcceptsReadsNoDeniedColumn(@ForAll("statements") String statement,
            @ForAll("expressions") Expr expression) {
        String sql = statement.formatted(expression.sql());

        if (new SqlGuard(DEEP).check(sql, SCHEMA, GuardCorpus.V3_SCOPE) instanceof GuardResult.Accepted accepted) {
            assertThat(DeniedReferences.in(accepted.sql(), DENIED, Set.of("salaries"))).as(sql).isEmpty();
            assertThat(DeniedReferences.in(sql, DENIED, Set.of("salaries"))).as(sql).isEmpty();
        }
    }

    @Property(tries = 200)
    void theSameStatementOverPublishedColumnsIsAccepted(@ForAll("statements") String statement,
            @ForAll("expressions") Expr expression) {
        String sql = statement.formatted(expression.allowedOnly());

        assertThat(new SqlGuard(DEEP).check(sql, SCHEMA, GuardCorpus.V3_SCOPE)).as(sql)
                .isInstanceOf(GuardResult.Accepted.class);
    }
}
