package io.dbchat.executor.execution;

import io.dbchat.contracts.errors.Problem;
import java.util.Optional;

/**
 * Judges a statement by the plan PostgreSQL made for it, before it runs: {@code explainJson} is the one value
 * {@code EXPLAIN (VERBOSE, FORMAT JSON)} returned on the connection the statement will run on.
 */
public interface PlanReview {

    /** Why the statement must not run, or empty when its plan is acceptable. */
    Optional<Problem> review(String datasource, String explainJson);
}
