package io.dbchat.executor.execution;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ColumnMeta;
import java.util.List;

/**
 * What running a statement gave: rows (JSON-ready values, capped), the database's refusal with its SQLSTATE,
 * or the executor's own refusal before it ran (its plan was judged, see {@link PlanReview}).
 */
public sealed interface ExecutionOutcome {

    record Rows(List<ColumnMeta> columns, List<List<Object>> rows, boolean truncated, long execMs)
            implements ExecutionOutcome {
    }

    /**
     * {@code sqlState} is PostgreSQL's code ("42P01", "57014"), or null when the failure was not the database's;
     * {@code message} never quotes a value from the database ({@link DatabaseErrors}).
     */
    record Failed(String sqlState, String errorClass, String message) implements ExecutionOutcome {
    }

    /** Not run: the statement's plan was refused. */
    record Refused(Problem problem) implements ExecutionOutcome {
    }
}
