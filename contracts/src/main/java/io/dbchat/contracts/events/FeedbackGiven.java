package io.dbchat.contracts.events;

import java.time.Instant;

/**
 * A person judged an answer: {@code verdict} is "right" or "wrong", with an optional corrected SQL and
 * comment. Collected on the feedback topic for a later feedback loop (few-shot examples, evaluation).
 */
public record FeedbackGiven(
        int v,
        String queryId,
        String conversationId,
        String principal,
        String verdict,
        String correctedSql,
        String comment,
        Instant at) {

    public static final int VERSION = 1;

    public static FeedbackGiven of(String queryId, String conversationId, String principal, String verdict,
                                   String correctedSql, String comment, Instant at) {
        return new FeedbackGiven(VERSION, queryId, conversationId, principal, verdict, correctedSql, comment, at);
    }
}
