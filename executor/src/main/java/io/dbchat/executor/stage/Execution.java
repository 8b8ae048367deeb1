package io.dbchat.executor.stage;

import io.dbchat.contracts.events.SqlProposed;
import java.util.List;

/**
 * A proposal the guard let through, waiting to run: the SQL as the guard rewrote it (the principal's row filters
 * applied), against the question's datasource, with the names of the access policies that applied (empty when none
 * did, and in executions stored before they existed). Kept in the stage's pending store until its run has finished.
 */
public record Execution(SqlProposed proposal, String datasource, String sql, List<String> policies) implements Checked {

    public Execution {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    public Execution(SqlProposed proposal, String datasource, String sql) {
        this(proposal, datasource, sql, List.of());
    }

    /** Unique per query and attempt: a retry is a new execution, a redelivery is the same one. */
    public String id() {
        return proposal.queryId() + "#" + proposal.attempt();
    }
}
