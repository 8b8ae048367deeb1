package io.dbchat.gateway.mcp;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.gateway.query.QueryAccepted;
import io.dbchat.gateway.replies.ReplySource;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Follows a submitted query on the reply feed, as the asynchronous API does: each STATUS reply becomes a
 * progress notification (when the caller sent a progress token), and the FINAL or ERROR reply the tool's
 * result. An answer without rows (refused, failed, not understood) is an error result with its reason.
 */
final class ToolAnswers {

    private final ReplySource replies;
    private final Duration timeout;
    private final int maxRows;

    ToolAnswers(ReplySource replies, Duration timeout, int maxRows) {
        this.replies = replies;
        this.timeout = timeout;
        this.maxRows = maxRows;
    }

    Mono<CallToolResult> follow(QuestionAsked question, McpAsyncServerExchange exchange, Object progressToken) {
        AtomicInteger steps = new AtomicInteger();
        return replies.events(question.queryId(), -1)
                .concatMap(reply -> progress(reply, exchange, progressToken, steps).thenReturn(reply))
                .filter(reply -> reply.type().isTerminal())
                .next()
                // rendered off the reply feed's one thread, which reads the replies of every query
                .publishOn(Schedulers.parallel())
                .map(this::result)
                .timeout(timeout, Mono.fromSupplier(() -> stillWorking(question)));
    }

    private static Mono<Void> progress(ReplyEvent reply, McpAsyncServerExchange exchange, Object token,
                                       AtomicInteger steps) {
        if (token == null || reply.type() != ReplyType.STATUS) {
            return Mono.empty();
        }
        return exchange.progressNotification(new ProgressNotification(token, (double) steps.incrementAndGet(), null,
                reply.stage(), null)).onErrorComplete();
    }

    CallToolResult result(ReplyEvent terminal) {
        if (terminal.type() == ReplyType.FINAL && terminal.answer() != null) {
            FinalAnswer a = terminal.answer();
            Map<String, Object> body = body(terminal, a);
            String text = text(a);
            return CallToolResult.builder().addTextContent(text).structuredContent(body)
                    .isError(a.problem() != null).build();
        }
        Problem problem = terminal.error() != null ? terminal.error()
                : ErrorCode.INTERNAL.problem("The pipeline ended the query without an answer.");
        return Tools.error(problem);
    }

    private Map<String, Object> body(ReplyEvent terminal, FinalAnswer a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query_id", terminal.queryId());
        body.put("conversation_id", terminal.conversationId());
        body.put("reply", a.reply());
        body.put("sql", a.sql());
        body.put("columns", columns(a).stream().map(c -> Map.of("name", c.name(), "type", String.valueOf(c.type()))).toList());
        body.put("rows", firstRows(a));
        body.put("row_count", a.rowCount());
        body.put("truncated", a.truncated());
        body.put("translator", a.translator());
        if (a.problem() != null) {
            body.put("problem", Map.of("code", a.problem().code(), "message", a.problem().message()));
        }
        return body;
    }

    private String text(FinalAnswer a) {
        StringBuilder text = new StringBuilder(a.reply() == null ? "" : a.reply());
        if (a.problem() != null) {
            text.append("\n\nReason (").append(a.problem().code()).append("): ").append(a.problem().message());
        }
        if (a.sql() != null) {
            text.append("\n\nSQL:\n").append(a.sql());
        }
        List<ColumnMeta> columns = columns(a);
        if (!columns.isEmpty()) {
            text.append("\n\nColumns: ").append(columns.stream().map(c -> c.name() + " (" + c.type() + ")")
                    .collect(Collectors.joining(", ")));
            List<List<Object>> rows = firstRows(a);
            text.append("\nRows (").append(rows.size() < a.rowCount() ? "first " + rows.size() + " of " : "")
                    .append(a.rowCount()).append(a.truncated() ? ", truncated" : "").append("):");
            rows.forEach(row -> text.append('\n').append(row.stream().map(String::valueOf).collect(Collectors.joining(" | "))));
        }
        return text.toString();
    }

    private List<List<Object>> firstRows(FinalAnswer a) {
        List<List<Object>> rows = a.rows() == null ? List.of() : a.rows();
        return rows.size() <= maxRows ? rows : rows.subList(0, maxRows);
    }

    private static List<ColumnMeta> columns(FinalAnswer a) {
        return a.columns() == null ? List.of() : a.columns();
    }

    private CallToolResult stillWorking(QuestionAsked question) {
        return Tools.error(ErrorCode.TIMEOUT.problem("No answer within " + timeout.toSeconds()
                + " s; the query " + question.queryId() + " is still being worked on. Follow it at "
                + QueryAccepted.eventsUrl(question.queryId()) + "."));
    }
}
