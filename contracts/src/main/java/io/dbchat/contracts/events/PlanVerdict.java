package io.dbchat.contracts.events;

/**
 * What the executor's plan check said of a statement: {@link #PASSED} (it ran on PostgreSQL's plan and accepted it;
 * {@code estimatedCost} is the planner's total cost, {@code estimatedRows} the rows of its largest step),
 * {@link #REFUSED} ({@code reason} says why) or {@link #SKIPPED} ({@code reason} says why: the check is switched off,
 * the guard refused the statement first, the database could not plan it).
 */
public record PlanVerdict(String status, String reason, Double estimatedCost, Double estimatedRows) {

    public static final String PASSED = "passed";
    public static final String REFUSED = "refused";
    public static final String SKIPPED = "skipped";

    public static PlanVerdict passed(Double estimatedCost, Double estimatedRows) {
        return new PlanVerdict(PASSED, null, estimatedCost, estimatedRows);
    }

    public static PlanVerdict refused(String reason) {
        return new PlanVerdict(REFUSED, reason, null, null);
    }

    public static PlanVerdict skipped(String reason) {
        return new PlanVerdict(SKIPPED, reason, null, null);
    }
}
