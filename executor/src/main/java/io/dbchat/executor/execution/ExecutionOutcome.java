package io.dbchat.executor.execution;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.PlanVerdict;
import java.util.List;

/**
 * What running a statement gave: rows (JSON-ready values, capped), the database's refusal with its SQLSTATE,
 * or the executor's own refusal before it ran (its plan was judged, see {@link PlanReview}). {@code plan} is what the
 * plan review said before the statement ran, or why it did not run (null until the runner has said).
 */
public sealed interface ExecutionOutcome {

    /** The same outcome with the plan review's verdict, unless it has one already. */
    ExecutionOutcome withPlan(PlanVerdict verdict);

    record Rows(List<ColumnMeta> columns, List<List<Object>> rows, boolean truncated, long execMs, PlanVerdict plan)
            implements ExecutionOutcome {

        public Rows(List<ColumnMeta> columns, List<List<Object>> rows, boolean truncated, long execMs) {
            this(columns, rows, truncated, execMs, null);
        }

        @Override
        public Rows withPlan(PlanVerdict verdict) {
            return plan != null ? this : new Rows(columns, rows, truncated, execMs, verdict);
        }
    }

    /**
     * {@code sqlState} is PostgreSQL's code ("42P01", "57014"), or null when the failure was not the database's;
     * {@code message} never quotes a value from the database ({@link DatabaseErrors}).
     */
    record Failed(String sqlState, String errorClass, String message, PlanVerdict plan) implements ExecutionOutcome {

        public Failed(String sqlState, String errorClass, String message) {
            this(sqlState, errorClass, message, null);
        }

        @Override
        public Failed withPlan(PlanVerdict verdict) {
            return plan != null ? this : new Failed(sqlState, errorClass, message, verdict);
        }
    }

    /** Not run: the statement's plan was refused. */
    record Refused(Problem problem) implements ExecutionOutcome {

        /** The plan review's refusal, as a verdict. */
        public PlanVerdict plan() {
            return PlanVerdict.refused(problem.code() + ": " + problem.message());
        }

        @Override
        public Refused withPlan(PlanVerdict verdict) {
            return this;
        }
    }
}
