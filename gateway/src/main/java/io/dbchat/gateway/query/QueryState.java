package io.dbchat.gateway.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.gateway.replies.QueryView;
import java.time.Instant;
import java.util.List;

/**
 * A query's state: "pending" (no reply yet), "working" (status or tokens seen), "answered" or "failed"
 * ("cancelling" in the answer to a cancellation, until the pipeline ends the query with the error "cancelled"),
 * with the last pipeline stage reported and the final answer or error once there is one.
 */
record QueryState(
        @JsonProperty("query_id") String queryId,
        @JsonProperty("conversation_id") String conversationId,
        String question,
        String datasource,
        @JsonProperty("asked_at") Instant askedAt,
        String status,
        String stage,
        SyncAnswer answer,
        Problem error) {

    static QueryState of(QueryView view) {
        QuestionAsked q = view.question();
        ReplyEvent terminal = view.terminal().orElse(null);
        return new QueryState(view.queryId(), view.conversationId(),
                q == null ? null : q.question(), q == null ? null : q.datasource(), q == null ? null : q.askedAt(),
                status(view.replies(), terminal), lastStage(view.replies()),
                terminal != null && terminal.type() == ReplyType.FINAL ? SyncAnswer.of(terminal) : null,
                terminal != null && terminal.type() == ReplyType.ERROR ? terminal.error() : null);
    }

    /** The state once a cancellation is on its way: "cancelling" until the pipeline's last reply says "failed". */
    QueryState cancelling() {
        return new QueryState(queryId, conversationId, question, datasource, askedAt, "cancelling", stage, answer, error);
    }

    private static String status(List<ReplyEvent> replies, ReplyEvent terminal) {
        if (terminal != null) {
            return terminal.type() == ReplyType.FINAL ? "answered" : "failed";
        }
        return replies.isEmpty() ? "pending" : "working";
    }

    private static String lastStage(List<ReplyEvent> replies) {
        return replies.stream().filter(r -> r.type() == ReplyType.STATUS).map(ReplyEvent::stage)
                .reduce((first, second) -> second).orElse(null);
    }
}
