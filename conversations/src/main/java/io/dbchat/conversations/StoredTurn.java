package io.dbchat.conversations;

import java.time.Instant;

/**
 * One finished turn in short, what a follow-up is translated with: the question, the SQL that answered it, the
 * answer in words (shortened), the outcome ("answered", "rejected" or "cancelled") and the datasource asked.
 */
public record StoredTurn(
        String queryId,
        String question,
        String sql,
        String answer,
        String outcome,
        Instant askedAt,
        Instant answeredAt,
        String datasource) {

    public static final String ANSWERED = "answered";
    public static final String REJECTED = "rejected";
    /** Stopped by the person who asked, before it had an answer. */
    public static final String CANCELLED = "cancelled";

    public boolean cancelled() {
        return CANCELLED.equals(outcome);
    }
}
