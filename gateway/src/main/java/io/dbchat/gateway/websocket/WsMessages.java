package io.dbchat.gateway.websocket;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.gateway.query.SyncAnswer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's WebSocket messages, as the original db_chat sent them: {@code status}, {@code token},
 * {@code chat_response} (the answer, shaped like the synchronous API's body) and {@code error}; each
 * names its query_id and conversation_id, since many questions share one socket.
 */
final class WsMessages {

    private WsMessages() {
    }

    static Map<String, Object> of(ReplyEvent reply) {
        return switch (reply.type()) {
            case STATUS -> message("status", reply, "stage", reply.stage());
            case TOKEN -> message("token", reply, "text", reply.text());
            case FINAL -> chatResponse(reply);
            case ERROR -> error(reply.error() == null ? new Problem("internal", "The query failed.") : reply.error(),
                    reply.queryId(), reply.conversationId());
        };
    }

    static Map<String, Object> error(Problem problem, String queryId, String conversationId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        m.put("message", problem.message());
        m.put("code", problem.code());
        m.put("query_id", queryId);
        m.put("conversation_id", conversationId);
        return m;
    }

    private static Map<String, Object> message(String type, ReplyEvent reply, String field, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("query_id", reply.queryId());
        m.put("conversation_id", reply.conversationId());
        m.put("seq", reply.seq());
        m.put(field, value);
        return m;
    }

    private static Map<String, Object> chatResponse(ReplyEvent reply) {
        SyncAnswer a = SyncAnswer.of(reply);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "chat_response");
        m.put("reply", a.reply());
        m.put("conversation_id", a.conversationId());
        m.put("query_id", a.queryId());
        m.put("sql", a.sql());
        m.put("columns", a.columns());
        m.put("column_types", a.columnTypes());
        m.put("rows", a.rows());
        m.put("row_count", a.rowCount());
        m.put("truncated", a.truncated());
        m.put("chart", a.chart());
        m.put("translator", a.translator());
        m.put("problem", a.problem());
        m.put("understanding", a.understanding());
        m.put("row_estimate", a.rowEstimate());
        m.put("edited", a.edited());
        return m;
    }
}
