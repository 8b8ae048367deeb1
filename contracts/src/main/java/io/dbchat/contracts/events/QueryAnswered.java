package io.dbchat.contracts.events;

import java.util.List;

/**
 * The SQL ran: columns, rows up to the configured cap ({@code truncated} says rows were dropped), the
 * number of rows returned and the execution time. Row values are JSON-ready (numbers exact, times ISO-8601).
 */
public record QueryAnswered(
        int v,
        String queryId,
        SqlProposed proposal,
        List<ColumnMeta> columns,
        List<List<Object>> rows,
        long rowCount,
        boolean truncated,
        long execMs) implements QueryResult {

    public static final int VERSION = 1;

    public static QueryAnswered of(SqlProposed proposal, List<ColumnMeta> columns, List<List<Object>> rows,
                                   boolean truncated, long execMs) {
        return new QueryAnswered(VERSION, proposal.queryId(), proposal, columns, rows, rows.size(), truncated, execMs);
    }

    @Override
    public QuestionAsked question() {
        return proposal.question();
    }
}
