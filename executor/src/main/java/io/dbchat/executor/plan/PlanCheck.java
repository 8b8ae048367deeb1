package io.dbchat.executor.plan;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.serde.Json;
import io.dbchat.executor.execution.PlanReview;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The plan review the executor runs before every statement: the plan judged ({@link PlanJudge}) against the
 * newest schema snapshot seen for the datasource. A datasource whose snapshot is not known (yet) is refused.
 */
public final class PlanCheck implements PlanReview {

    private final PlanJudge judge;
    private final Map<String, SchemaSnapshot> snapshots = new ConcurrentHashMap<>();

    public PlanCheck(PlanBudget budget) {
        this.judge = new PlanJudge(budget);
    }

    /** Remembers the newest snapshot of its datasource: what plans are judged against from now on. */
    public void seen(SchemaSnapshot snapshot) {
        if (snapshot != null && snapshot.datasource() != null) {
            snapshots.put(snapshot.datasource(), snapshot);
        }
    }

    @Override
    public Optional<Problem> review(String datasource, String explainJson) {
        SchemaSnapshot schema = snapshots.get(datasource);
        if (schema == null) {
            return Optional.of(new Problem(PlanJudge.REFUSED,
                    "The plan check does not know the schema of '" + datasource + "' yet; ask again."));
        }
        JsonNode plan;
        try {
            plan = Json.MAPPER.readTree(explainJson);
        } catch (JacksonException e) {
            return Optional.of(new Problem(PlanJudge.REFUSED, "The database's plan for this query was unreadable."));
        }
        return judge.judge(plan, schema);
    }
}
