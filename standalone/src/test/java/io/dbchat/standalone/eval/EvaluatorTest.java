package io.dbchat.standalone.eval;

import io.dbchat.eval.ResultComparator;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.eval.ResultComparator.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private final Map<String, Result> database = Map.of(
            "SELECT count(*) FROM teams", new Result(List.of("count"), List.of(List.of(12L))),
            "SELECT count(*) AS count FROM teams", new Result(List.of("count"), List.of(List.of(12L))),
            "SELECT 11", new Result(List.of("x"), List.of(List.of(11))));
    private final List<String> asked = new ArrayList<>();

    @Test
    void scoresAnAnswerWhoseResultMatchesTheGold() {
        var evaluator = new Evaluator(answering("SELECT count(*) AS count FROM teams"), this::run);

        var outcome = evaluator.evaluate(new EvalQuestion("How many teams?", "SELECT count(*) FROM teams", "count"));

        assertThat(outcome.correct()).isTrue();
        assertThat(outcome.generatedSql()).isEqualTo("SELECT count(*) AS count FROM teams");
        assertThat(outcome.latencyMs()).isNotNegative();
    }

    @Test
    void missesAWrongResultARefusalAndFailingSql() {
        var wrong = new Evaluator(answering("SELECT 11"), this::run).evaluate(question());
        var refused = new Evaluator(answering(null), this::run).evaluate(question());
        var failing = new Evaluator(answering("SELECT nonsense"), this::run).evaluate(question());

        assertThat(wrong.correct()).isFalse();
        assertThat(refused.correct()).isFalse();
        assertThat(refused.reason()).startsWith("no SQL: I cannot");
        assertThat(failing.correct()).isFalse();
        assertThat(failing.reason()).startsWith("the generated SQL failed");
    }

    @Test
    void judgesAWrongAnswerThatSaidWhatItDidNotUnderstandAsHedged() {
        Evaluator.Asker hedging = (question, conversation) ->
                new Evaluator.Answer("SELECT 11", "conv-1", "11 teams", "ignored: active");

        var outcome = new Evaluator(hedging, this::run).evaluate(question());

        assertThat(outcome.verdict()).isEqualTo(EvalOutcome.Verdict.HEDGED);
        assertThat(outcome.verdict().honest()).isTrue();
        assertThat(outcome.caveat()).isEqualTo("ignored: active");
        assertThat(new Evaluator(answering("SELECT 11"), this::run).evaluate(question()).verdict())
                .isEqualTo(EvalOutcome.Verdict.WRONG);
    }

    @Test
    void aQuestionTheDatabaseCannotAnswerIsRightWhenRefusedAndWrongWhenAnswered() {
        var unanswerable = new EvalQuestion("What is the weather in Paris?", "REFUSE", "unanswerable");

        var refused = new Evaluator(answering(null), this::run).evaluate(unanswerable);
        var answered = new Evaluator(answering("SELECT 11"), this::run).evaluate(unanswerable);

        assertThat(refused.verdict()).isEqualTo(EvalOutcome.Verdict.CORRECT);
        assertThat(refused.correct()).isTrue();
        assertThat(answered.verdict()).isEqualTo(EvalOutcome.Verdict.WRONG);
        assertThat(answered.reason()).isEqualTo("answered a question the database cannot answer");
    }

    @Test
    void asksTheTurnsOfAConversationInOneConversation() {
        var evaluator = new Evaluator(answering("SELECT count(*) AS count FROM teams"), this::run);

        evaluator.evaluate(new EvalQuestion("How many projects? >> and teams?", "SELECT count(*) FROM teams", "followup"));

        assertThat(asked).containsExactly("How many projects?@null", "and teams?@conv-1");
    }

    private EvalQuestion question() {
        return new EvalQuestion("How many teams?", "SELECT count(*) FROM teams", "count");
    }

    private Evaluator.Asker answering(String sql) {
        return (question, conversation) -> {
            asked.add(question + "@" + conversation);
            return new Evaluator.Answer(sql, "conv-1", sql == null ? "I cannot tell" : "12 teams");
        };
    }

    private Result run(String sql) {
        Result r = database.get(sql);
        if (r == null) {
            throw new IllegalStateException("syntax error");
        }
        return r;
    }
}
