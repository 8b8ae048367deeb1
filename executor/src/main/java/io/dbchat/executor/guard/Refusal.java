package io.dbchat.executor.guard;

import io.dbchat.contracts.errors.Problem;

/** Ends a guard check early with its reason; carries no stack trace, since refusals are ordinary answers. */
final class Refusal extends RuntimeException {

    private final transient Problem problem;

    private Refusal(Problem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    static Refusal of(String reason, String message) {
        return new Refusal(new Problem("sql." + reason, message));
    }

    Problem problem() {
        return problem;
    }

    static Refusal table(String name) {
        return of("table_not_allowed", "The table '" + name + "' is not available.");
    }

    static Refusal column(String name) {
        return of("column_not_allowed", "The column '" + name + "' is not available.");
    }

    /** A whole row (an alias used as a value, t.*, (t).col) may carry columns the snapshot leaves out. */
    static Refusal wholeRow(String name) {
        return of("column_not_allowed", "'" + name + "' reads whole rows, which may hold columns that are not"
                + " available; name the columns instead.");
    }

    static Refusal function(String name) {
        return of("function_not_allowed", "The function '" + name + "' is not allowed.");
    }

    static Refusal systemCatalog(String name) {
        return of("system_catalog", "The system catalog '" + name + "' is not available.");
    }

    static Refusal tooComplex(String why) {
        return of("too_complex", "The query is too complex: " + why + ".");
    }

    static Refusal notAQuery() {
        return of("not_a_query", "Only a single read-only SELECT query is allowed.");
    }

    static Refusal construct(String what) {
        return of("construct_not_allowed", "The query uses " + what + ", which is not allowed.");
    }
}
