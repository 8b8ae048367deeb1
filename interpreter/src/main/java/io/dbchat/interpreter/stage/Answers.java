package io.dbchat.interpreter.stage;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.interpreter.answer.TemplatedAnswers;
import io.dbchat.interpreter.chart.ChartSuggester;
import io.dbchat.interpreter.result.Display;
import java.time.Instant;
import java.util.List;

/**
 * The interpreter's replies: the "interpreting" status, and the FINAL with the reply, the SQL, rows (with their
 * display text, as the words write values) and chart.
 */
final class Answers {

    static final String STATUS = "interpreting";

    private Answers() {
    }

    static ReplyEvent status(QueryResult result, Instant at) {
        return ReplyEvent.status(result.question(), ReplySeq.interpreter(0), STATUS, at);
    }

    /** The FINAL after {@code tokens} TOKEN replies. */
    static ReplyEvent fin(QueryResult result, String reply, int tokens, Instant at) {
        return ReplyEvent.fin(result.question(), ReplySeq.interpreter(tokens + 1), answer(result, reply), at);
    }

    /**
     * The FINAL alone of an answer written from templates (seq 1001: no token went before it). It is written on the
     * stream thread, in the transaction that takes its result in, so a STATUS "interpreting" or a TOKEN beside it
     * would reach every subscriber in the same fetch as the FINAL that carries the whole text: they were two records
     * a question on {@code replies} (and two more decodings by each reader) that told a subscriber nothing.
     */
    static List<ReplyEvent> offline(QueryResult result, Instant at) {
        return List.of(fin(result, TemplatedAnswers.answer(result), 0, at));
    }

    /** The last reply of a cancelled query. */
    static ReplyEvent cancelled(QueryCancelled cancelled, Instant at) {
        return new ReplyEvent(ReplyEvent.VERSION, cancelled.queryId(), cancelled.conversationId(), ReplySeq.CANCELLED,
                ReplyType.ERROR, null, null, null,
                ErrorCode.CANCELLED.problem("The question was cancelled; nothing more is worked on for it."), at);
    }

    static FinalAnswer answer(QueryResult result, String reply) {
        return switch (result) {
            case QueryAnswered a -> new FinalAnswer(reply, a.proposal().sql(), a.columns(), a.rows(), a.rowCount(),
                    a.truncated(), ChartSuggester.suggest(a.columns(), a.rows()), a.proposal().translator().label(), null,
                    a.proposal().understanding(), Display.of(a.columns(), a.rows()), a.proposal().source());
            case QueryRejected r -> new FinalAnswer(reply, r.sql(), List.of(), List.of(), 0, false, null,
                    r.translator() == null ? null : r.translator().label(), r.problem());
        };
    }
}
