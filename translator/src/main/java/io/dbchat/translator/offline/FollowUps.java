package io.dbchat.translator.offline;

import io.dbchat.translator.context.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Follow-ups re-interpret the previous question with the refinement appended: "How many tasks are there?"
 * then "only the High ones" reads as "How many tasks are there? only the High ones", where a later
 * condition on a column replaces an earlier one. A question is a follow-up when it opens with a cue
 * ("and", "only", "what about"...) or names no table of its own.
 */
final class FollowUps {

    private static final Set<String> CUES = Set.of("and", "only", "just", "but", "also", "now", "then", "plus",
            "same", "those", "these", "them", "instead", "except", "excluding", "sorted", "ordered", "per", "by",
            "limit", "limited", "restrict", "filter");

    private FollowUps() {
    }

    /** The conversation's questions since its last new one, ending with {@code question}; just it when new. */
    static String effective(String question, List<Turn> history, Vocabulary vocabulary) {
        if (history.isEmpty() || !isFollowUp(question, vocabulary)) {
            return question;
        }
        List<String> chain = new ArrayList<>();
        for (Turn turn : history) {
            if (chain.isEmpty() || !isFollowUp(turn.question(), vocabulary)) {
                chain.clear();
            }
            chain.add(turn.question());
        }
        chain.add(question);
        if ((asksForRows(question) || asksForMeasure(question))
                && chain.getFirst().strip().toLowerCase(java.util.Locale.ROOT).startsWith("how many ")) {
            // "How many loans are there?" then "Which of them are not returned?" or "What is the average fee?": the rows
            // now, or their own measure, not their number
            chain.set(0, "Which" + chain.getFirst().strip().substring(8));
        }
        return String.join(" . ", chain);
    }

    private static boolean asksForRows(String question) {
        List<Token> tokens = Token.of(question);
        return !tokens.isEmpty() && tokens.getFirst().is("which", "list", "show", "who");
    }

    /** "What is the average fee?", "and the total budget?": a measure of its own, which replaces the count before. */
    private static boolean asksForMeasure(String question) {
        List<Token> tokens = Token.of(question);
        return tokens.stream().anyMatch(t -> Cues.AGGREGATES.containsKey(t.lower()))
                || tokens.size() > 1 && tokens.getFirst().is("how") && tokens.get(1).is("much");
    }

    static boolean opensWithCue(String question) {
        List<Token> tokens = Token.of(question);
        return !tokens.isEmpty() && (CUES.contains(tokens.getFirst().lower())
                || tokens.getFirst().is("what", "how") && tokens.size() > 1 && tokens.get(1).is("about"));
    }

    static boolean isFollowUp(String question, Vocabulary vocabulary) {
        if (opensWithCue(question)) {
            return true;
        }
        List<Token> tokens = Token.of(question);
        List<Mention> mentions = Mentions.find(tokens, vocabulary);
        return mentions.stream().noneMatch(m -> m.names(Term.Kind.TABLE) && !Resolution.isReference(tokens, m)
                && m.of(Term.Kind.TABLE).stream().anyMatch(t -> t.weight() >= 0.6));
    }
}
