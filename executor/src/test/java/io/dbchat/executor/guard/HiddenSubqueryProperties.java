package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.executor.ConsultancySchema;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random expression trees with a hostile subquery hidden at a random depth: however deep and through whichever
 * constructs, it is refused with the payload's own code; the same tree holding an allowed subquery passes, so
 * each refusal is the payload's and not the tree's.
 */
class HiddenSubqueryProperties {

    static final SchemaSnapshot SCHEMA = ConsultancySchema.snapshot();
    /** Deep enough that the nesting bound never refuses first: the payload's own refusal is what is tested. */
    static final GuardLimits DEEP = new GuardLimits(20_000, 64, 64, 1001);

    /** Text in, text out: each wraps the expression built so far into a larger one. */
    private static final List<String> WRAPPERS = List.of(
            "upper(%s)", "coalesce(%s, 'x')", "(%s || 'x')", "CASE WHEN t.id > 0 THEN %s ELSE 'y' END",
            "nullif(%s, 'z')", "trim(%s)", "(SELECT %s)", "(SELECT max(v) FROM (SELECT %s AS v) d)",
            "jsonb_build_object('k', %s) ->> 'k'", "(ARRAY[%s])[1]", "substring(%s FROM 1 FOR 10)",
            "format('%%s', %s)", "concat(%s, t.name)", "CAST(%s AS text)", "CASE %s WHEN 'a' THEN 'b' ELSE 'c' END",
            "(SELECT string_agg(x, ',') FROM (SELECT %s AS x) s)", "left(%s, 5)", "replace(%s, 'a', 'b')",
            "(SELECT max(p.name) FROM projects p WHERE p.team_id = t.id AND p.name <> %s)",
            "(SELECT e.value FROM jsonb_array_elements_text(jsonb_build_array(%s)) e LIMIT 1)",
            "(SELECT u FROM unnest(ARRAY[%s]) u LIMIT 1)", "greatest(%s, 'a')", "lpad(%s, 3, 'x')",
            "(CASE WHEN %s LIKE 'a!%%' ESCAPE '!' THEN 'a' END)", "to_char(t.created_at, %s)",
            "(SELECT max(w) FROM teams t2 JOIN skills k ON k.name = %s CROSS JOIN LATERAL (SELECT t2.name AS w) l)");

    /** Where the expression finally stands in a statement of teams t. */
    private static final List<String> STATEMENTS = List.of(
            "SELECT %s FROM teams t", "SELECT t.name FROM teams t WHERE t.name = %s",
            "SELECT t.name FROM teams t WHERE t.name = ANY (ARRAY[%s])", "SELECT t.name FROM teams t ORDER BY %s",
            "SELECT count(*) FILTER (WHERE t.name <> %s) FROM teams t",
            "SELECT t.name FROM teams t GROUP BY t.name HAVING max(%s) IS NOT NULL",
            "WITH c AS (SELECT %s AS v FROM teams t) SELECT v FROM c",
            "SELECT x.v FROM teams t CROSS JOIN LATERAL (SELECT %s AS v) x",
            "SELECT rank() OVER (PARTITION BY %s ORDER BY t.id) FROM teams t",
            "SELECT t.name FROM teams t WHERE EXISTS (SELECT 1 FROM skills k WHERE k.name = %s)",
            "SELECT t.name FROM teams t UNION SELECT %s FROM teams t",
            "SELECT t.name FROM teams t JOIN projects p ON p.team_id = t.id AND p.status = %s");

    private static final String ALLOWED = "(SELECT name FROM teams LIMIT 1)";

    record Tree(String statement, List<String> wrappers) {

        String with(String payload) {
            String expression = payload;
            for (String wrapper : wrappers) {
                expression = wrapper.formatted(expression);
            }
            return statement.formatted(expression);
        }
    }

    @Provide
    Arbitrary<Tree> trees() {
        return Combinators.combine(Arbitraries.of(STATEMENTS), Arbitraries.of(WRAPPERS).list().ofMinSize(0).ofMaxSize(5))
                .as(Tree::new);
    }

    @Provide
    Arbitrary<GeneratedCorpus.Payload> payloads() {
        return Arbitraries.of(GeneratedCorpus.hostile("text"));
    }

    @Property(tries = 400)
    void aHostileSubqueryAtAnyDepthIsRefusedWithItsCode(@ForAll("trees") Tree tree,
            @ForAll("payloads") GeneratedCorpus.Payload payload) {
        SqlGuard guard = new SqlGuard(DEEP);
        String sql = tree.with("(" + payload.query() + " LIMIT 1)");

        assertThat(guard.check(sql, SCHEMA)).as(sql).isInstanceOfSatisfying(GuardResult.Rejected.class,
                r -> assertThat(r.problem().code()).as(sql).isEqualTo(payload.code()));
    }

    @Property(tries = 200)
    void theSameTreeOverAllowedObjectsPasses(@ForAll("trees") Tree tree) {
        SqlGuard guard = new SqlGuard(DEEP);
        String sql = tree.with(ALLOWED);

        assertThat(guard.check(sql, SCHEMA)).as(sql).isInstanceOf(GuardResult.Accepted.class);
    }
}
