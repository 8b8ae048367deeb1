package io.dbchat.executor.plan;

/** The most a statement may cost by the planner's estimate: its total cost, and the rows of its largest step. */
public record PlanBudget(double maxCost, long maxRows) {
}
