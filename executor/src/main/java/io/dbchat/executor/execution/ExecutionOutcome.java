package io.dbchat.executor.execution;

import io.dbchat.contracts.events.ColumnMeta;
import java.util.List;

/** What running a statement gave: rows (JSON-ready values, capped), or the database's refusal with its SQLSTATE. */
public sealed interface ExecutionOutcome {

    record Rows(List<ColumnMeta> columns, List<List<Object>> rows, boolean truncated, long execMs)
            implements ExecutionOutcome {
    }

    /** {@code sqlState} is PostgreSQL's code ("42P01", "57014"), or null when the failure was not the database's. */
    record Failed(String sqlState, String errorClass, String message) implements ExecutionOutcome {
    }
}
