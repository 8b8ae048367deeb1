package io.dbchat.standalone.eval;

import io.dbchat.contracts.eval.ResultComparator;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores questions: asks each (its turns in one conversation), runs the gold SQL and the proposed SQL on the
 * same database and compares the results with {@link ResultComparator}; a refusal or an error is a miss.
 */
final class Evaluator {

    /** One answer of the pipeline: the SQL it ran (null when it refused), its conversation and reply. */
    record Answer(String sql, String conversationId, String reply) {
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
            return outcome(q, null, false, "no SQL: " + answer.reply(), started, latency);
        }
        ResultComparator.Result gold;
        try {
            gold = database.execute(q.goldSql());
        } catch (Exception e) {
            return outcome(q, answer.sql(), false, "the gold SQL failed: " + e.getMessage(), started, latency);
        }
        try {
            var verdict = ResultComparator.compare(gold, database.execute(answer.sql()), ResultComparator.ordersRows(q.goldSql()));
            return outcome(q, answer.sql(), verdict.match(), verdict.reason(), started, latency);
        } catch (Exception e) {
            return outcome(q, answer.sql(), false, "the generated SQL failed: " + e.getMessage(), started, latency);
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
        return outcome(q, sql, correct, reason, started, System.nanoTime());
    }

    private static EvalOutcome outcome(EvalQuestion q, String sql, boolean correct, String reason, long started, long answered) {
        return new EvalOutcome(q.question(), q.category(), q.goldSql(), sql, correct, reason, (answered - started) / 1_000_000);
    }
}
