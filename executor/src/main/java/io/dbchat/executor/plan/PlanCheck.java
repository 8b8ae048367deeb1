package io.dbchat.executor.plan;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.serde.Json;
import io.dbchat.executor.execution.PlanReview;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The plan review the executor runs before every statement: the plan judged ({@link PlanJudge}) against the
 * newest schema snapshot seen for the datasource, or else the stored one (a run re-issued after a restart comes
 * before any proposal has been checked). A datasource whose snapshot is not known at all is refused.
 */
public final class PlanCheck implements PlanReview {

    private final PlanJudge judge;
    private final Function<String, SchemaSnapshot> stored;
    private final Map<String, SchemaSnapshot> snapshots = new ConcurrentHashMap<>();

    public PlanCheck(PlanBudget budget) {
        this(budget, datasource -> null);
    }

    /** {@code stored} finds a datasource's snapshot when none has been seen since start (null if none). */
    public PlanCheck(PlanBudget budget, Function<String, SchemaSnapshot> stored) {
        this.judge = new PlanJudge(budget);
        this.stored = stored;
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
            schema = stored.apply(datasource);
        }
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
