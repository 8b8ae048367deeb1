package io.dbchat.executor.plan;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.serde.Json;
import io.dbchat.executor.execution.PlanReview;
import io.r2dbc.spi.Connection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The plan review the executor runs before every statement: the plan judged ({@link PlanJudge}) against the
 * newest schema snapshot seen for the datasource and what the planner expands its relations to (partitions,
 * view sources: {@link Expansions}, read once per snapshot version), or else the stored snapshot (a run re-issued after a restart comes
 * before any proposal has been checked). A datasource whose snapshot is not known at all is refused.
 */
public final class PlanCheck implements PlanReview {

    private final PlanJudge judge;
    private final Function<String, SchemaSnapshot> stored;
    private final Map<String, SchemaSnapshot> snapshots = new ConcurrentHashMap<>();
    /** Per datasource: the snapshot version and the relations its plans may scan, read from the catalog. */
    private final Map<String, Expanded> expanded = new ConcurrentHashMap<>();

    private record Expanded(String version, Map<String, Set<String>> relations) {
    }

    public PlanCheck(PlanBudget budget) {
        this(budget, datasource -> null);
    }

    /** {@code stored} finds a datasource's snapshot when none has been seen since start (null if none). */
    public PlanCheck(PlanBudget budget, Function<String, SchemaSnapshot> stored) {
        this(budget, stored, Set.of());
    }

    /** {@code alsoCalled}: functions plans may call besides the allowlist ({@link PlanJudge#PlanJudge(PlanBudget, Set)}). */
    public PlanCheck(PlanBudget budget, Function<String, SchemaSnapshot> stored, Set<String> alsoCalled) {
        this.judge = new PlanJudge(budget, alsoCalled);
        this.stored = stored;
    }

    /** Remembers the newest snapshot of its datasource: what plans are judged against from now on. */
    public void seen(SchemaSnapshot snapshot) {
        if (snapshot != null && snapshot.datasource() != null) {
            snapshots.put(snapshot.datasource(), snapshot);
        }
    }

    /** Reads the partitions and view sources of the snapshot's relations, once per snapshot version. */
    @Override
    public Mono<Void> prepare(String datasource, Connection connection) {
        SchemaSnapshot schema = snapshot(datasource);
        Expanded known = expanded.get(datasource);
        if (schema == null || (known != null && Objects.equals(known.version(), schema.version()))) {
            return Mono.empty();
        }
        return Expansions.read(schema, connection)
                .doOnNext(relations -> expanded.put(datasource, new Expanded(schema.version(), relations)))
                .then();
    }

    @Override
    public Optional<Problem> review(String datasource, String explainJson) {
        return decide(datasource, explainJson) instanceof Decision.Refused refused ? Optional.of(refused.problem())
                : Optional.empty();
    }

    /** The planner's total cost and the rows of its largest step, from the plan accepted. */
    @Override
    public PlanVerdict accepted(String explainJson) {
        try {
            return PlanJudge.estimate(Json.MAPPER.readTree(explainJson));
        } catch (JacksonException e) {
            return PlanVerdict.passed(null, null);
        }
    }

    /** Reads the plan's JSON once, for the judgement and for the estimates of a plan accepted. */
    @Override
    public Decision decide(String datasource, String explainJson) {
        SchemaSnapshot schema = snapshot(datasource);
        if (schema == null) {
            return new Decision.Refused(new Problem(PlanJudge.REFUSED,
                    "The plan check does not know the schema of '" + datasource + "' yet; ask again."));
        }
        JsonNode plan;
        try {
            plan = Json.MAPPER.readTree(explainJson);
        } catch (JacksonException e) {
            return new Decision.Refused(new Problem(PlanJudge.REFUSED, "The database's plan for this query was unreadable."));
        }
        Expanded known = expanded.get(datasource);
        Optional<Problem> problem = known != null && Objects.equals(known.version(), schema.version())
                ? judge.judge(plan, known.relations()) : judge.judge(plan, schema);
        return problem.<Decision>map(Decision.Refused::new).orElseGet(() -> new Decision.Accepted(PlanJudge.estimate(plan)));
    }

    private SchemaSnapshot snapshot(String datasource) {
        SchemaSnapshot schema = snapshots.get(datasource);
        return schema != null ? schema : stored.apply(datasource);
    }
}
