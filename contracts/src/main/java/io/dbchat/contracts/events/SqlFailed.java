package io.dbchat.contracts.events;

import io.dbchat.contracts.errors.Problem;

/**
 * The database refused or failed a proposed SQL statement, or the guard refused it for a reason a further
 * attempt may fix (a table or column that is not there); the translator may try again with the failure in hand.
 * {@code sqlState} is the PostgreSQL SQLSTATE when there is one. {@code refusal} is the guard's reason when the
 * guard refused it (null for the database's failures, and in events written before it existed): a query that
 * ends on it ends with the guard's code. {@code planCheck} is what the executor's plan check said of the statement
 * (null in events written before it existed).
 */
public record SqlFailed(
        int v,
        String queryId,
        SqlProposed proposal,
        String errorClass,
        String sqlState,
        String message,
        Problem refusal,
        PlanVerdict planCheck) {

    public static final int VERSION = 1;
    /** The error class of a guard refusal. */
    public static final String REFUSED = "refused";

    /** Without the plan check's verdict, as events were before it. */
    public SqlFailed(int v, String queryId, SqlProposed proposal, String errorClass, String sqlState, String message,
                     Problem refusal) {
        this(v, queryId, proposal, errorClass, sqlState, message, refusal, null);
    }

    /** A failure of the database, as events were before refusals travelled here. */
    public SqlFailed(int v, String queryId, SqlProposed proposal, String errorClass, String sqlState, String message) {
        this(v, queryId, proposal, errorClass, sqlState, message, null);
    }

    public static SqlFailed of(SqlProposed proposal, String errorClass, String sqlState, String message) {
        return new SqlFailed(VERSION, proposal.queryId(), proposal, errorClass, sqlState, message);
    }

    /** The guard refused the proposal for a reason a corrected query may avoid. */
    public static SqlFailed refused(SqlProposed proposal, Problem refusal) {
        return new SqlFailed(VERSION, proposal.queryId(), proposal, REFUSED, null, refusal.message(), refusal);
    }

    /** The same failure, with the plan check's verdict on its statement. */
    public SqlFailed withPlanCheck(PlanVerdict verdict) {
        return new SqlFailed(v, queryId, proposal, errorClass, sqlState, message, refusal, verdict);
    }

    /** Whether the guard refused the SQL (named so as not to read as a JSON property beside {@code refusal}). */
    public boolean fromGuard() {
        return refusal != null;
    }
}
