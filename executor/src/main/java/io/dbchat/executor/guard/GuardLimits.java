package io.dbchat.executor.guard;

/**
 * Bounds the guard enforces: text length, joins and subquery nesting of one statement, and the row
 * limit written into it (an existing LIMIT / FETCH FIRST is lowered to it, never raised).
 */
public record GuardLimits(int maxLength, int maxJoins, int maxDepth, long rowLimit) {

    public static final GuardLimits DEFAULTS = new GuardLimits(20_000, 12, 8, 1001);

    public GuardLimits {
        if (maxLength < 1 || maxJoins < 0 || maxDepth < 1 || rowLimit < 1) {
            throw new IllegalArgumentException("guard limits must be positive");
        }
    }
}
