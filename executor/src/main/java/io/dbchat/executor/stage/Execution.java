package io.dbchat.executor.stage;

import io.dbchat.contracts.events.SqlProposed;

/**
 * A proposal the guard let through, waiting to run: the SQL as the guard rewrote it, against the
 * question's datasource. Kept in the stage's pending store until its run has finished.
 */
public record Execution(SqlProposed proposal, String datasource, String sql) implements Checked {

    /** Unique per query and attempt: a retry is a new execution, a redelivery is the same one. */
    public String id() {
        return proposal.queryId() + "#" + proposal.attempt();
    }
}
