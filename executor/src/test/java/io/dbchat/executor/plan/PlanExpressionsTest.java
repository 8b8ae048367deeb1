package io.dbchat.executor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.plan.PlanExpressions.ColumnRef;
import org.junit.jupiter.api.Test;

/** Expressions as PostgreSQL 14's EXPLAIN VERBOSE deparses them. */
class PlanExpressionsTest {

    @Test
    void qualifiedColumnsAndWholeRowsAreReferences() {
        var refs = PlanExpressions.read("(row_to_json(c.*) IS NOT NULL) AND (\"Odd Alias\".\"Col\" = u.id)");

        assertThat(refs.columns()).containsExactly(new ColumnRef("c", "*"), new ColumnRef("Odd Alias", "Col"),
                new ColumnRef("u", "id"));
        assertThat(refs.functions()).containsExactly("row_to_json");
    }

    @Test
    void literalsHideNothingAndCastsAreNotCalls() {
        var refs = PlanExpressions.read("((u.email)::text ~~ 'a.b(c)%'::text) AND (u.rate > 1.5e3) AND "
                + "((p.budget)::numeric(12,2) > '10'::numeric) AND (t.at < '2026-01-01 00:00:00'::timestamp(3) "
                + "with time zone) AND ((t.note)::character varying(20) = E'it\\'s'::text)");

        assertThat(refs.columns()).extracting(ColumnRef::column)
                .containsExactly("email", "rate", "budget", "at", "note");
        assertThat(refs.functions()).isEmpty();
        assertThat(refs.casts()).containsExactly("text", "text", "numeric(12,2)", "numeric",
                "timestamp(3) with time zone", "character varying(20)", "text");
    }

    @Test
    void keywordsBeforeAParenthesisAreSyntaxButQuotedNamesAreCalls() {
        var refs = PlanExpressions.read("CASE WHEN (x.a > 0) THEN COALESCE(\"left\"(x.b, 2), NULLIF(x.c, ''::text)) "
                + "ELSE NULL::text END");

        assertThat(refs.functions()).containsExactly("left");
        assertThat(refs.words()).contains("case", "when", "then", "else", "end");
    }

    @Test
    void aQualifiedCallIsNamedWithItsSchema() {
        assertThat(PlanExpressions.read("pg_catalog.set_config('a'::text, 'b'::text, false)").functions())
                .containsExactly("pg_catalog.set_config");
    }

    @Test
    void whatCannotBeLexedIsUnreadable() {
        assertThat(PlanExpressions.read("'never closed")).isNull();
        assertThat(PlanExpressions.read("\"never closed")).isNull();
        assertThat(PlanExpressions.read("x.")).isNull();
    }
}
