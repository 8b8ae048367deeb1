package io.dbchat.contracts.events;

import java.time.Instant;
import java.util.Map;

/**
 * A person asked a question of a datasource; the first event of every query, written by the gateway.
 * {@code replayOf} names the query this one re-runs, or is null. {@code attributes} are the principal's attributes
 * (from its JWT's claims or its API key's configuration) that the access policies bind; null when it has none, and in
 * events written before they existed.
 */
public record QuestionAsked(
        int v,
        String queryId,
        String conversationId,
        String principal,
        String datasource,
        String question,
        Instant askedAt,
        String replayOf,
        Map<String, String> attributes) {

    public static final int VERSION = 1;

    public QuestionAsked {
        attributes = attributes == null || attributes.isEmpty() ? null : Map.copyOf(attributes);
    }

    /** Without attributes, as events were before them. */
    public QuestionAsked(int v, String queryId, String conversationId, String principal, String datasource,
                         String question, Instant askedAt, String replayOf) {
        this(v, queryId, conversationId, principal, datasource, question, askedAt, replayOf, null);
    }

    /** The same question asked by a principal with these attributes. */
    public QuestionAsked withAttributes(Map<String, String> principalAttributes) {
        return new QuestionAsked(v, queryId, conversationId, principal, datasource, question, askedAt, replayOf,
                principalAttributes);
    }

    public static QuestionAsked of(String queryId, String conversationId, String principal,
                                   String datasource, String question, Instant askedAt) {
        return new QuestionAsked(VERSION, queryId, conversationId, principal, datasource, question, askedAt, null);
    }
}
