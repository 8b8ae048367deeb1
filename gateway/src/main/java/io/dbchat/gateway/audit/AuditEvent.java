package io.dbchat.gateway.audit;

import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import java.time.Instant;

/**
 * One record of a pipeline topic on its way to its query's {@link AuditRecord}, re-keyed by query id: exactly one of
 * the event fields is set, and {@code at} is the record's timestamp (when its stage wrote it).
 */
public record AuditEvent(
        QuestionAsked question,
        SqlProposed sql,
        SqlFailed failure,
        QueryResult result,
        ReplyEvent reply,
        Instant at) {

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
