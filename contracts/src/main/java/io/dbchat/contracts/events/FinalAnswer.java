package io.dbchat.contracts.events;

import io.dbchat.contracts.errors.Problem;
import java.util.List;
import java.util.Map;

/**
 * The complete answer to a question: the reply in words, the SQL and the rows beside it, a declarative
 * chart spec (or null), the translator that wrote the SQL, and the problem when there are no rows.
 * {@code understanding} is what the translator understood, assumed and ignored of the question; null when it did not
 * say (a model's translation, a refusal) and in answers written before it existed. {@code display} is how the rows
 * read in the words' formatting (see {@link DisplayText}); null when there are no rows to show, and in answers
 * written before it existed. {@code source} is where the SQL came from when the translator did not write it for this
 * question (an approved example, the cache, a business term; see {@link SqlSource}); null otherwise and in answers
 * written before it existed.
 */
public record FinalAnswer(
        String reply,
        String sql,
        List<ColumnMeta> columns,
        List<List<Object>> rows,
        long rowCount,
        boolean truncated,
        Map<String, Object> chart,
        String translator,
        Problem problem,
        Understanding understanding,
        DisplayText display,
        SqlSource source) {

    /** Without where the SQL came from, as answers were before it. */
    public FinalAnswer(String reply, String sql, List<ColumnMeta> columns, List<List<Object>> rows, long rowCount,
                       boolean truncated, Map<String, Object> chart, String translator, Problem problem,
                       Understanding understanding, DisplayText display) {
        this(reply, sql, columns, rows, rowCount, truncated, chart, translator, problem, understanding, display, null);
    }

    /** Without the rows' display text, as answers were before it. */
    public FinalAnswer(String reply, String sql, List<ColumnMeta> columns, List<List<Object>> rows, long rowCount,
                       boolean truncated, Map<String, Object> chart, String translator, Problem problem,
                       Understanding understanding) {
        this(reply, sql, columns, rows, rowCount, truncated, chart, translator, problem, understanding, null);
    }

    /** Without an understanding, as answers were before it. */
    public FinalAnswer(String reply, String sql, List<ColumnMeta> columns, List<List<Object>> rows, long rowCount,
                       boolean truncated, Map<String, Object> chart, String translator, Problem problem) {
        this(reply, sql, columns, rows, rowCount, truncated, chart, translator, problem, null);
    }
}
