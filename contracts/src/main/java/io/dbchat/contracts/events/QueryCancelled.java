package io.dbchat.contracts.events;

import java.time.Instant;

/**
 * The person who asked stopped a query: every stage drops its pending and later work for {@code queryId},
 * and the interpreter ends the query with an ERROR reply {@code cancelled}. Keyed by conversation id on the
 * {@code cancellations} topic, so it reaches the tasks that hold the query's work.
 */
public record QueryCancelled(
        int v,
        String queryId,
        String conversationId,
        String principal,
        Instant at) {

    public static final int VERSION = 1;

    public static QueryCancelled of(String queryId, String conversationId, String principal, Instant at) {
        return new QueryCancelled(VERSION, queryId, conversationId, principal, at);
    }
}
