package io.dbchat.contracts.events;

import io.dbchat.contracts.errors.Problem;
import java.util.List;
import java.util.Map;

/**
 * The complete answer to a question: the reply in words, the SQL and the rows beside it, a declarative
 * chart spec (or null), the translator that wrote the SQL, and the problem when there are no rows.
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
        Problem problem) {
}
