package io.dbchat.executor.guard;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The executor's settings that bound its guard ({@code dbchat.executor.max-length}, {@code max-joins},
 * {@code max-depth}, and the row limit from {@code default-limit} and {@code max-rows}), read the same way wherever the
 * guard judges SQL: the executor running it, and the gateway judging knowledge entries as they are saved, so an entry
 * is refused at the door exactly when it would be refused at run time.
 */
@Validated
@ConfigurationProperties("dbchat.executor")
public record GuardProperties(
        @DefaultValue("20000") @Min(1) int maxLength,
        @DefaultValue("12") @Min(0) int maxJoins,
        @DefaultValue("8") @Min(1) int maxDepth,
        @DefaultValue("1000") @Min(1) int defaultLimit,
        @DefaultValue("1000") @Min(1) int maxRows) {

    /** The guard asks for one row more than is kept, so that a cut result shows as truncated. */
    public GuardLimits limits() {
        return new GuardLimits(maxLength, maxJoins, maxDepth, Math.min(defaultLimit, maxRows) + 1L);
    }
}
