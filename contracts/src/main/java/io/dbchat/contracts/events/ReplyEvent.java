package io.dbchat.contracts.events;

import io.dbchat.contracts.errors.Problem;
import java.time.Instant;

/**
 * One thing a subscriber sees about a query. {@code seq} orders a query's replies and makes them
 * idempotent: subscribers drop a (queryId, seq) they have already seen. Exactly one of {@code stage}
 * (STATUS), {@code text} (TOKEN), {@code answer} (FINAL) and {@code error} (ERROR) is set.
 */
public record ReplyEvent(
        int v,
        String queryId,
        String conversationId,
        long seq,
        ReplyType type,
        String stage,
        String text,
        FinalAnswer answer,
        Problem error,
        Instant at) {

    public static final int VERSION = 1;

    public static ReplyEvent status(QuestionAsked q, long seq, String stage, Instant at) {
        return new ReplyEvent(VERSION, q.queryId(), q.conversationId(), seq, ReplyType.STATUS, stage, null, null, null, at);
    }

    public static ReplyEvent token(QuestionAsked q, long seq, String text, Instant at) {
        return new ReplyEvent(VERSION, q.queryId(), q.conversationId(), seq, ReplyType.TOKEN, null, text, null, null, at);
    }

    public static ReplyEvent fin(QuestionAsked q, long seq, FinalAnswer answer, Instant at) {
        return new ReplyEvent(VERSION, q.queryId(), q.conversationId(), seq, ReplyType.FINAL, null, null, answer, null, at);
    }

    public static ReplyEvent error(QuestionAsked q, long seq, Problem error, Instant at) {
        return new ReplyEvent(VERSION, q.queryId(), q.conversationId(), seq, ReplyType.ERROR, null, null, null, error, at);
    }
}
