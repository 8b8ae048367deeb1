package io.dbchat.gateway.audit;

import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import java.time.Instant;

/**
 * One record of a pipeline topic on its way to its query's {@link AuditRecord}: exactly one of the event fields is
 * set, and {@code at} is the record's timestamp (when its stage wrote it). {@code rowBytes} is the size of an
 * answer's rows as they were written, when the rows were skipped rather than read (null: measure the result's rows).
 */
public record AuditEvent(
        QuestionAsked question,
        SqlProposed sql,
        SqlFailed failure,
        QueryResult result,
        ReplyEvent reply,
        Instant at,
        Long rowBytes) {

    /** An event whose answer, if any, carries its rows. */
    public AuditEvent(QuestionAsked question, SqlProposed sql, SqlFailed failure, QueryResult result, ReplyEvent reply,
                      Instant at) {
        this(question, sql, failure, result, reply, at, null);
    }

    public String queryId() {
        if (question != null) {
            return question.queryId();
        }
        if (sql != null) {
            return sql.queryId();
        }
        if (failure != null) {
            return failure.queryId();
        }
        return result != null ? result.queryId() : reply.queryId();
    }
}
