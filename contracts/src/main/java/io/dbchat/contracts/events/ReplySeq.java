package io.dbchat.contracts.events;

/**
 * Sequence numbers of replies, fixed by pipeline step so that every stage can number its own replies
 * without coordination and a replayed step yields the same numbers: attempt {@code a} of the
 * translate / validate / execute steps is {@code 10a + step}; the interpreter counts up from 1000.
 */
public final class ReplySeq {

    public static final int MAX_ATTEMPTS = 9;
    public static final long INTERPRETER_BASE = 1000;
    /** The reply saying a query was cancelled: above every other, so an answer finished later is not shown after it. */
    public static final long CANCELLED = 1_000_000_000L;

    private ReplySeq() {
    }

    public static long translating(int attempt) {
        return step(attempt, 1);
    }

    public static long validating(int attempt) {
        return step(attempt, 2);
    }

    public static long executing(int attempt) {
        return step(attempt, 3);
    }

    /** The n-th reply of the interpreter, n = 0 for its status. */
    public static long interpreter(int n) {
        return INTERPRETER_BASE + n;
    }

    private static long step(int attempt, int step) {
        if (attempt < 1 || attempt > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("attempt out of range: " + attempt);
        }
        return 10L * attempt + step;
    }
}
