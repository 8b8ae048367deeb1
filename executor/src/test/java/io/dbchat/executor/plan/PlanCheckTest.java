package io.dbchat.executor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.executor.ConsultancySchema;
import org.junit.jupiter.api.Test;

/** Which snapshot a plan is judged against: the newest seen, else the stored one, else none (refused). */
class PlanCheckTest {

    static final String TEAMS_PLAN = """
            [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "teams", "Schema": "public", "Alias": "teams",
              "Total Cost": 1.0, "Plan Rows": 3, "Output": ["teams.name"]}}]""";

    @Test
    void withoutAnySnapshotThePlanIsRefused() {
        var check = new PlanCheck(PlanCheckProperties.defaults().budget());

        assertThat(check.review(ConsultancySchema.DATASOURCE, TEAMS_PLAN)).get().extracting(Problem::message)
                .asString().contains("does not know the schema of 'consultancy'");
    }

    @Test
    void beforeAnySnapshotIsSeenTheStoredOneJudges() {
        var check = new PlanCheck(PlanCheckProperties.defaults().budget(),
                datasource -> datasource.equals(ConsultancySchema.DATASOURCE) ? ConsultancySchema.snapshot() : null);

        assertThat(check.review(ConsultancySchema.DATASOURCE, TEAMS_PLAN)).isEmpty();
        assertThat(check.review("other", TEAMS_PLAN)).isPresent();
    }

    @Test
    void anUnreadablePlanIsRefused() {
        var check = new PlanCheck(PlanCheckProperties.defaults().budget());
        check.seen(ConsultancySchema.snapshot());

        assertThat(check.review(ConsultancySchema.DATASOURCE, "[{\"Plan\": ")).get().extracting(Problem::code)
                .isEqualTo(PlanJudge.REFUSED);
    }
}
