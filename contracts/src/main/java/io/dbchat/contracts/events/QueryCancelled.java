package io.dbchat.contracts.events;

import java.time.Instant;

/**
 * The person who asked stopped a query: every stage drops its pending and later work for {@code queryId},
 * and the interpreter ends the query with an ERROR reply {@code cancelled}. Keyed by conversation id on the
 * {@code cancellations} topic, so it reaches the tasks that hold the query's work. {@code question} is the query's
 * question as the gateway knew it, so the interpreter can record the cancelled turn in its conversation; null when
 * the gateway did not know it, and in cancellations written before it existed.
 */
public record QueryCancelled(
        int v,
        String queryId,
        String conversationId,
        String principal,
        Instant at,
        QuestionAsked question) {

    public static final int VERSION = 1;

    /** Without the question, as cancellations were before it. */
    public QueryCancelled(int v, String queryId, String conversationId, String principal, Instant at) {
        this(v, queryId, conversationId, principal, at, null);
    }

    public static QueryCancelled of(String queryId, String conversationId, String principal, Instant at) {
        return new QueryCancelled(VERSION, queryId, conversationId, principal, at, null);
    }

    /** The cancellation of {@code question}'s query by {@code principal}. */
    public static QueryCancelled of(QuestionAsked question, String principal, Instant at) {
        return new QueryCancelled(VERSION, question.queryId(), question.conversationId(), principal, at, question);
    }
}
