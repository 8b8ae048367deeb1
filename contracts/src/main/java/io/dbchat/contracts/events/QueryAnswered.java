package io.dbchat.contracts.events;

import java.util.List;

/**
 * The SQL ran: columns, rows up to the configured cap ({@code truncated} says rows were dropped), the
 * number of rows returned and the execution time. Row values are JSON-ready (numbers exact, times ISO-8601).
 * {@code policies} names the access policies that applied to the statement (row filters and column rules of the
 * tables it read); null when none did, and in events written before they existed. {@code planCheck} is what the
 * executor's plan check said of the statement (null in events written before it existed).
 */
public record QueryAnswered(
        int v,
        String queryId,
        SqlProposed proposal,
        List<ColumnMeta> columns,
        List<List<Object>> rows,
        long rowCount,
        boolean truncated,
        long execMs,
        List<String> policies,
        PlanVerdict planCheck) implements QueryResult {

    public static final int VERSION = 1;

    public QueryAnswered {
        policies = policies == null || policies.isEmpty() ? null : List.copyOf(policies);
    }

    /** Without the plan check's verdict, as events were before it. */
    public QueryAnswered(int v, String queryId, SqlProposed proposal, List<ColumnMeta> columns, List<List<Object>> rows,
                         long rowCount, boolean truncated, long execMs, List<String> policies) {
        this(v, queryId, proposal, columns, rows, rowCount, truncated, execMs, policies, null);
    }

    /** Without the policies that applied, as events were before them. */
    public QueryAnswered(int v, String queryId, SqlProposed proposal, List<ColumnMeta> columns, List<List<Object>> rows,
                         long rowCount, boolean truncated, long execMs) {
        this(v, queryId, proposal, columns, rows, rowCount, truncated, execMs, null);
    }

    /** The same answer, naming the access policies that applied. */
    public QueryAnswered withPolicies(List<String> applied) {
        return new QueryAnswered(v, queryId, proposal, columns, rows, rowCount, truncated, execMs, applied, planCheck);
    }

    /** The same answer, with the plan check's verdict on its statement. */
    public QueryAnswered withPlanCheck(PlanVerdict verdict) {
        return new QueryAnswered(v, queryId, proposal, columns, rows, rowCount, truncated, execMs, policies, verdict);
    }

    public static QueryAnswered of(SqlProposed proposal, List<ColumnMeta> columns, List<List<Object>> rows,
                                   boolean truncated, long execMs) {
        return new QueryAnswered(VERSION, proposal.queryId(), proposal, columns, rows, rows.size(), truncated, execMs);
    }

    @Override
    public QuestionAsked question() {
        return proposal.question();
    }
}
