package io.dbchat.conversations;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.serde.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What the interpreter records of a FINAL answer: the turn in short and the answer, rows kept up to a size, with
 * the answer's JSON as it is stored.
 */
public record TurnRecord(String conversationId, String principal, StoredTurn turn, StoredAnswer answer,
                         String answerJson) {

    /** With the answer's JSON written from {@code answer}. */
    public TurnRecord(String conversationId, String principal, StoredTurn turn, StoredAnswer answer) {
        this(conversationId, principal, turn, answer, Json.MAPPER.writeValueAsString(answer));
    }

    /** The short answer a follow-up is translated with. */
    static final int SHORT_ANSWER = 500;

    public static TurnRecord of(QuestionAsked question, FinalAnswer answer, Instant answeredAt, int maxRowBytes) {
        String outcome = answer.problem() == null ? StoredTurn.ANSWERED
                : ErrorCode.CANCELLED.code().equals(answer.problem().code()) ? StoredTurn.CANCELLED : StoredTurn.REJECTED;
        var turn = new StoredTurn(question.queryId(), question.question(), answer.sql(), shortened(answer.reply()),
                outcome, question.askedAt() == null ? answeredAt : question.askedAt(), answeredAt, question.datasource());
        var whole = new StoredAnswer(answer, true);
        String json = Json.MAPPER.writeValueAsString(whole);
        // rows and cells are part of the whole answer's JSON, and a char is at most 3 bytes of UTF-8 (a surrogate
        // pair 4 for 2): a whole answer this short keeps its rows without writing them again to count their bytes
        if ((long) json.length() * 3 <= maxRowBytes) {
            return new TurnRecord(question.conversationId(), question.principal(), turn, whole, json);
        }
        StoredAnswer kept = kept(answer, maxRowBytes);
        return new TurnRecord(question.conversationId(), question.principal(), turn, kept,
                kept.rowsKept() ? json : Json.MAPPER.writeValueAsString(kept));
    }

    /** The rows and their display text are kept together, up to {@code maxRowBytes} of JSON, or neither. */
    private static StoredAnswer kept(FinalAnswer answer, int maxRowBytes) {
        List<List<Object>> rows = answer.rows() == null ? List.of() : answer.rows();
        List<List<String>> cells = answer.display() == null ? List.of() : answer.display().cells();
        if (bytes(rows) + bytes(cells) <= maxRowBytes) {
            return new StoredAnswer(answer, true);
        }
        return new StoredAnswer(new FinalAnswer(answer.reply(), answer.sql(), answer.columns(), List.of(),
                answer.rowCount(), answer.truncated(), answer.chart(), answer.translator(), answer.problem(),
                answer.understanding(), answer.display() == null ? null : answer.display().withoutCells(),
                answer.source()), false);
    }

    private static int bytes(List<?> rows) {
        return rows.isEmpty() ? 2 : Json.MAPPER.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String shortened(String reply) {
        String text = reply == null ? "" : reply.strip();
        return text.length() <= SHORT_ANSWER ? text : text.substring(0, SHORT_ANSWER - 1) + "…";
    }
}
