package io.dbchat.standalone.eval;

import io.dbchat.eval.ResultComparator;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores questions: asks each (its turns in one conversation), runs the gold SQL and the proposed SQL on the
 * same database and compares the results with {@link ResultComparator}. A refusal is a miss but honest; a
 * mismatch is confidently wrong unless the answer stated what it did not understand (then hedged); for a
 * question whose gold is {@value EvalQuestion#REFUSE}, refusing is right and any SQL wrong.
 */
final class Evaluator {

    /**
     * One answer of the pipeline: the SQL it ran (null when it refused), its conversation and reply, and what it
     * said it assumed or did not understand (null or blank when it claimed to understand everything).
     */
    record Answer(String sql, String conversationId, String reply, String caveat) {

        Answer(String sql, String conversationId, String reply) {
            this(sql, conversationId, reply, null);
        }

        boolean hedged() {
            return caveat != null && !caveat.isBlank();
        }
    }

    @FunctionalInterface
    interface Asker {
        Answer ask(String question, String conversationId) throws Exception;
    }

    @FunctionalInterface
    interface SqlRunner {
        ResultComparator.Result execute(String sql) throws Exception;
    }

    private final Asker asker;
    private final SqlRunner database;

    Evaluator(Asker asker, SqlRunner database) {
        this.asker = asker;
        this.database = database;
    }

    List<EvalOutcome> evaluate(List<EvalQuestion> questions) {
        List<EvalOutcome> out = new ArrayList<>();
        for (EvalQuestion q : questions) {
            out.add(evaluate(q));
        }
        return out;
    }

    EvalOutcome evaluate(EvalQuestion q) {
        long started = System.nanoTime();
        Answer answer;
        try {
            answer = askAll(q.turns());
        } catch (Exception e) {
            return outcome(q, null, false, "the pipeline failed: " + e.getMessage(), started);
        }
        long latency = System.nanoTime();
        if (answer.sql() == null || answer.sql().isBlank()) {
            return q.expectsRefusal() ? outcome(q, answer, true, "refused as it should: " + answer.reply(), started, latency)
                    : outcome(q, answer, false, "no SQL: " + answer.reply(), started, latency);
        }
        if (q.expectsRefusal()) {
            return outcome(q, answer, false, "answered a question the database cannot answer", started, latency);
        }
        ResultComparator.Result gold;
        try {
            gold = database.execute(q.goldSql());
        } catch (Exception e) {
            return outcome(q, answer, false, "the gold SQL failed: " + e.getMessage(), started, latency);
        }
        try {
            var verdict = ResultComparator.compare(gold, database.execute(answer.sql()), ResultComparator.ordersRows(q.goldSql()));
            return outcome(q, answer, verdict.match(), verdict.reason(), started, latency);
        } catch (Exception e) {
            return outcome(q, answer, false, "the generated SQL failed: " + e.getMessage(), started, latency);
        }
    }

    private Answer askAll(List<String> turns) throws Exception {
        Answer answer = null;
        for (String turn : turns) {
            answer = asker.ask(turn, answer == null ? null : answer.conversationId());
        }
        return answer;
    }

    private static EvalOutcome outcome(EvalQuestion q, String sql, boolean correct, String reason, long started) {
        return new EvalOutcome(q.question(), q.category(), q.goldSql(), sql, correct, reason,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static EvalOutcome outcome(EvalQuestion q, Answer a, boolean correct, String reason, long started, long answered) {
        boolean refused = a.sql() == null || a.sql().isBlank();
        EvalOutcome.Verdict verdict = correct ? EvalOutcome.Verdict.CORRECT : refused ? EvalOutcome.Verdict.REFUSED
                : a.hedged() ? EvalOutcome.Verdict.HEDGED : EvalOutcome.Verdict.WRONG;
        return new EvalOutcome(q.question(), q.category(), q.goldSql(), refused ? null : a.sql(), correct, reason,
                (answered - started) / 1_000_000, verdict, a.hedged() ? a.caveat() : null);
    }
}
