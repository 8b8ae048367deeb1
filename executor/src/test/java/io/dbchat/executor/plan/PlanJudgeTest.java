package io.dbchat.executor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.contracts.serde.Json;
import io.dbchat.executor.ConsultancySchema;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The judge on hand-written plans in PostgreSQL's JSON form: default-deny on what it does not know. */
class PlanJudgeTest {

    final PlanJudge judge = new PlanJudge(new PlanBudget(1_000, 10_000));

    @Test
    void aScanOfPublishedColumnsPasses() {
        assertThat(judge("""
                {"Node Type": "Seq Scan", "Relation Name": "teams", "Schema": "public", "Alias": "t",
                 "Startup Cost": 0.0, "Total Cost": 10.5, "Plan Rows": 12, "Plan Width": 32,
                 "Output": ["t.id", "t.name"], "Filter": "(t.name ~~ 'a.b%'::text)"}""")).isEmpty();
    }

    @Test
    void aPhysicalOutputBelowTheRootDoesNotCountButWhatUsesItDoes() {
        String plan = """
                {"Node Type": "Aggregate", "Strategy": "Plain", "Startup Cost": 1.0, "Total Cost": 20.0,
                 "Plan Rows": 1, "Plan Width": 8, "Output": ["%s"],
                 "Plans": [{"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "users",
                   "Schema": "public", "Alias": "u", "Startup Cost": 0.0, "Total Cost": 15.0, "Plan Rows": 400,
                   "Plan Width": 40, "Output": ["u.id", "u.email", "u.password_hash"]}]}""";

        assertThat(judge(plan.formatted("count(u.id)"))).isEmpty();
        assertThat(judge(plan.formatted("max(u.password_hash)"))).get().extracting(Problem::message).asString()
                .contains("public.users.password_hash, which is not published");
    }

    @Test
    void anUnknownNodeTypeOrFieldIsRefused() {
        assertThat(judge("""
                {"Node Type": "Foreign Scan", "Relation Name": "teams", "Schema": "public", "Alias": "t",
                 "Total Cost": 1.0, "Plan Rows": 1, "Output": ["t.id"]}""")).get().extracting(Problem::message)
                .asString().contains("(Foreign Scan)");
        assertThat(judge("""
                {"Node Type": "Result", "Total Cost": 1.0, "Plan Rows": 1, "Output": ["1"],
                 "Remote SQL": "SELECT 1"}""")).get().extracting(Problem::message).asString()
                .contains("(Remote SQL)");
    }

    @Test
    void anExpressionItCannotReadIsRefused() {
        assertThat(judge("""
                {"Node Type": "Result", "Total Cost": 1.0, "Plan Rows": 1, "Output": ["'unterminated"]}"""))
                .get().extracting(Problem::code).isEqualTo(PlanJudge.REFUSED);
        assertThat(judge("""
                {"Node Type": "Result", "Total Cost": 1.0, "Plan Rows": 1, "Output": [42]}"""))
                .get().extracting(Problem::code).isEqualTo(PlanJudge.REFUSED);
    }

    @Test
    void aCallOffTheAllowlistIsRefusedEvenQualified() {
        assertThat(judge("""
                {"Node Type": "Result", "Total Cost": 1.0, "Plan Rows": 1,
                 "Output": ["pg_catalog.lower('a'::text)"]}""")).get().extracting(Problem::message).asString()
                .contains("pg_catalog.lower");
        assertThat(judge("""
                {"Node Type": "Result", "Total Cost": 1.0, "Plan Rows": 1,
                 "Output": ["\\"left\\"('abc'::text, 2)", "COALESCE(NULL::integer, 1)"]}""")).isEmpty();
    }

    @Test
    void theEstimatesMustStayWithinTheBudget() {
        assertThat(judge("""
                {"Node Type": "Result", "Total Cost": 1500.0, "Plan Rows": 1, "Output": ["1"]}"""))
                .get().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(PlanJudge.TOO_EXPENSIVE);
                    assertThat(p.message()).contains("a cost of 1500, over the limit of 1000");
                });
        assertThat(judge("""
                {"Node Type": "Limit", "Total Cost": 10.0, "Plan Rows": 5, "Output": ["1"],
                 "Plans": [{"Node Type": "Result", "Parent Relationship": "Outer", "Total Cost": 900.0,
                   "Plan Rows": 50000, "Output": ["1"]}]}""")).get().extracting(Problem::message).asString()
                .contains("50000 rows in one step, over the limit of 10000");
    }

    @Test
    void theEstimateIsTheRootsTotalCostAndTheRowsOfTheLargestStep() {
        PlanVerdict verdict = PlanJudge.estimate(Json.MAPPER.readTree("""
                [{"Plan": {"Node Type": "Aggregate", "Total Cost": 812.25, "Plan Rows": 1,
                  "Plans": [{"Node Type": "Seq Scan", "Total Cost": 700.0, "Plan Rows": 24000}]}}]"""));

        assertThat(verdict).isEqualTo(PlanVerdict.passed(812.25, 24000.0));
        assertThat(PlanJudge.estimate(Json.MAPPER.readTree("{}"))).isEqualTo(PlanVerdict.passed(null, null));
    }

    private Optional<Problem> judge(String plan) {
        return judge.judge(Json.MAPPER.readTree("[{\"Plan\": " + plan + "}]"), ConsultancySchema.snapshot());
    }
}
