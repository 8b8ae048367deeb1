package io.dbchat.executor.plan;

import io.dbchat.executor.guard.Allowlists;
import java.util.Set;

/**
 * The functions a plan may call, by the names PostgreSQL's deparser prints (unqualified, from pg_catalog):
 * exactly the SQL guard's {@link Allowlists}, so the two judges never disagree on what is allowed. Default-deny:
 * any other function (set_config, pg_advisory_*, lo_*, query_to_xml, pg_notify, pg_sleep, dblink, a
 * user-defined one) refuses the plan.
 */
final class PlanFunctions {

    /** What the planner writes for syntax the guard allows: LIKE … ESCAPE and SIMILAR TO. */
    private static final Set<String> PLANNER_SPELLINGS = Set.of("like_escape", "similar_to_escape");

    private PlanFunctions() {
    }

    /** Whether an expression may call {@code name} as the deparser printed it (schema-qualified names never). */
    static boolean call(String name) {
        return Allowlists.function(name) || Allowlists.tableFunction(name) || PLANNER_SPELLINGS.contains(name);
    }

    /** Whether a Function Scan may run {@code schema.name}. */
    static boolean scan(String schema, String name) {
        return "pg_catalog".equals(schema) && Allowlists.tableFunction(name);
    }
}
