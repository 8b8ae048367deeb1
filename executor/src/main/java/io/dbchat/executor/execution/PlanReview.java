package io.dbchat.executor.execution;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.PlanVerdict;
import io.r2dbc.spi.Connection;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Judges a statement by the plan PostgreSQL made for it, before it runs: {@code explainJson} is the one value
 * {@code EXPLAIN (VERBOSE, FORMAT JSON)} returned on the connection the statement will run on.
 */
public interface PlanReview {

    /**
     * Reads, on the connection the statement will run on, what the review needs from the database before its
     * first plan of a datasource's schema version (trusted, read-only catalog queries); nothing by default.
     */
    default Mono<Void> prepare(String datasource, Connection connection) {
        return Mono.empty();
    }

    /** Why the statement must not run, or empty when its plan is acceptable. */
    Optional<Problem> review(String datasource, String explainJson);

    /** The verdict on a plan {@link #review} accepted, with what the planner estimated when the review reads it. */
    default PlanVerdict accepted(String explainJson) {
        return PlanVerdict.passed(null, null);
    }

    /**
     * {@link #review} and, for a plan it accepts, {@link #accepted} in one: a review that reads the plan's JSON
     * reads it once.
     */
    default Decision decide(String datasource, String explainJson) {
        return review(datasource, explainJson).<Decision>map(Decision.Refused::new)
                .orElseGet(() -> new Decision.Accepted(accepted(explainJson)));
    }

    /** What the review decided: the statement must not run, or it may, with the verdict it carries. */
    sealed interface Decision {

        record Refused(Problem problem) implements Decision {
        }

        record Accepted(PlanVerdict verdict) implements Decision {
        }
    }
}
