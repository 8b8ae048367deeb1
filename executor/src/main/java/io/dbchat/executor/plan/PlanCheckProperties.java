package io.dbchat.executor.plan;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The plan check ({@code dbchat.executor.plan-check.*}): before a statement runs, PostgreSQL's plan for it is
 * judged ({@link PlanJudge}); {@code maxCost} bounds the planner's total cost estimate and {@code maxRows} the
 * rows it estimates for any one step.
 */
@Validated
@ConfigurationProperties("dbchat.executor.plan-check")
public record PlanCheckProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000000") @Min(1) double maxCost,
        @DefaultValue("100000000") @Min(1) long maxRows) {

    public static PlanCheckProperties defaults() {
        return new PlanCheckProperties(true, 10_000_000, 100_000_000);
    }

    public PlanBudget budget() {
        return new PlanBudget(maxCost, maxRows);
    }
}
