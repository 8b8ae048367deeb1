package io.dbchat.standalone.eval;

import java.util.List;
import java.util.Locale;

/**
 * One question of an eval file with the SQL that answers it and an optional category. A question written
 * "A >> B" is a conversation: A is asked first, then B as a follow-up, and the gold SQL answers B. A gold SQL of
 * {@value #REFUSE} marks a question the database cannot answer: refusing it is right, any SQL is wrong.
 */
public record EvalQuestion(String question, String goldSql, String category) {

    public static final String FOLLOW_UP = ">>";
    public static final String REFUSE = "REFUSE";

    public EvalQuestion {
        if (question == null || question.isBlank() || goldSql == null || goldSql.isBlank()) {
            throw new IllegalArgumentException("a question and its gold SQL are both required");
        }
        category = category == null || category.isBlank() ? "all" : category.strip();
    }

    /** The turns to ask in one conversation, the last being the one scored. */
    public List<String> turns() {
        return List.of(question.split("\\s*" + FOLLOW_UP + "\\s*")).stream().filter(s -> !s.isBlank()).toList();
    }

    /** True when the right answer is a refusal. */
    public boolean expectsRefusal() {
        return goldSql.strip().toUpperCase(Locale.ROOT).equals(REFUSE);
    }
}
