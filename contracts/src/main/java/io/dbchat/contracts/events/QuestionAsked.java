package io.dbchat.contracts.events;

import java.time.Instant;

/**
 * A person asked a question of a datasource; the first event of every query, written by the gateway.
 * {@code replayOf} names the query this one re-runs, or is null.
 */
public record QuestionAsked(
        int v,
        String queryId,
        String conversationId,
        String principal,
        String datasource,
        String question,
        Instant askedAt,
        String replayOf) {

    public static final int VERSION = 1;

    public static QuestionAsked of(String queryId, String conversationId, String principal,
                                   String datasource, String question, Instant askedAt) {
        return new QuestionAsked(VERSION, queryId, conversationId, principal, datasource, question, askedAt, null);
    }
}
