package io.dbchat.gateway.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import java.time.Instant;

/**
 * A reply as the API shows it on a Server-Sent Events stream: the pipeline's {@link ReplyEvent} in the API's
 * snake_case, with a FINAL's answer in exactly the synchronous answer's shape ({@link SyncAnswer}), so a
 * client reads one answer whichever way it asked.
 */
public record ReplyMessage(
        ReplyType type,
        @JsonProperty("query_id") String queryId,
        @JsonProperty("conversation_id") String conversationId,
        long seq,
        String stage,
        String text,
        SyncAnswer answer,
        Problem error,
        Instant at) {

    public static ReplyMessage of(ReplyEvent r) {
        SyncAnswer answer = r.type() == ReplyType.FINAL && r.answer() != null ? SyncAnswer.of(r) : null;
        return new ReplyMessage(r.type(), r.queryId(), r.conversationId(), r.seq(), r.stage(), r.text(), answer,
                r.error(), r.at());
    }
}
