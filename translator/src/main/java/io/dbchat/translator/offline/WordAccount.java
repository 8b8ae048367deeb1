package io.dbchat.translator.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words of a question that decide its answer: a negation, a grouping, a ranking, an aggregate, a comparison,
 * a state the rows must be in ("upcoming", "active", "pending"), or a value (a number, a quoted phrase, a capitalised
 * name).
 * Left unread, the answer would look right and be wrong ("customers without orders" answered with all customers),
 * so such a word makes the translator ask back instead of answering with the word ignored.
 */
final class WordAccount {

    private static final Set<String> CRITICAL = Set.of(
            "no", "not", "never", "without", "none", "nobody", "nothing", "non", "except", "excluding", "neither",
            "nor", "per", "most", "least", "fewest", "top", "average", "mean", "total", "sum", "maximum", "minimum",
            "highest", "lowest", "more", "less", "fewer", "greater", "over", "under", "above", "below", "than",
            "before", "after", "since", "between", "late", "overdue", "early", "next", "previous", "ago", "much",
            // words that restrict the rows to a state: answered without it, the answer counts every row
            "upcoming", "future", "forthcoming", "past", "active", "inactive", "current", "pending", "open", "closed",
            "unresolved", "ongoing", "outstanding", "unpaid", "unfinished", "expired", "valid", "available",
            "unavailable", "still", "completed", "finished", "resolved", "cancelled", "canceled", "approved", "rejected",
            // words that ask for a part of the rows, not the rows
            "percentage", "percent", "proportion", "share", "fraction", "ratio");
    /** Words that group only when a word follows them: "each year", "every month". */
    private static final Set<String> EACH = Set.of("each", "every");

    private WordAccount() {
    }

    /**
     * True when {@code word} asks for an operation (a ranking, an aggregate, a comparison, a negation): never a name
     * for a column taken from its comment ("City of the office where most of the team works").
     */
    static boolean asksForOperation(String word) {
        return OPERATIONS.contains(word) || Cues.SUPERLATIVES.containsKey(word) || Cues.AGGREGATES.containsKey(word);
    }

    /** Negations and cues of a ranking or a comparison (states such as "active" may well name a column). */
    private static final Set<String> OPERATIONS = Set.of("without", "none", "nobody", "nothing", "except", "excluding",
            "neither", "most", "least", "fewest", "than", "more", "less", "fewer");

    /** True when {@code t} alone, left unread, would change the answer: a negation, a cue, a state, a value. */
    static boolean decisive(Token t) {
        return CRITICAL.contains(t.lower()) || t.isNumber() || t.quoted() || t.isCapitalized() && !Stopwords.is(t.lower());
    }

    /** The decisive words of {@code tokens} left unused, in question order. */
    static List<String> critical(List<Token> tokens, boolean[] used) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (used[i]) {
                continue;
            }
            // a number, a quoted phrase or a capitalised name left over is a value the answer would not filter by
            if (t.isNumber() || t.quoted() || i > 0 && t.isCapitalized() && !Stopwords.is(t.word()) && !Stopwords.is(t.lower())) {
                out.add(t.raw());
                continue;
            }
            boolean grouping = EACH.contains(t.lower()) && i + 1 < tokens.size() && !used[i + 1]
                    && !Stopwords.is(tokens.get(i + 1).word());
            // an unknown superlative ("the friendliest") ranks by something the schema does not hold
            boolean superlative = t.lower().length() > 5 && t.lower().endsWith("est") && !Stopwords.is(t.lower());
            if (CRITICAL.contains(t.lower()) || grouping || superlative) {
                out.add(grouping ? t.raw() + " " + tokens.get(i + 1).raw() : t.raw());
            }
        }
        for (int asked : askedFor(tokens)) {
            if (!used[asked] && !out.contains(tokens.get(asked).raw())) {
                out.add(tokens.get(asked).raw());
            }
        }
        if (!tokens.isEmpty() && tokens.getFirst().is("why") && !out.contains(tokens.getFirst().raw())) {
            out.add(tokens.getFirst().raw());  // a reason is not a value any table holds
        }
        return out;
    }

    /**
     * The words the question asks about ({@link #askedAt}), and where that word is only a name or a title, the thing it is
     * the name of: "the name of the headliner".
     */
    private static List<Integer> askedFor(List<Token> tokens) {
        int at = askedAt(tokens);
        if (at < 0) {
            return List.of();
        }
        if (tokens.get(at).is("name", "title") && at + 1 < tokens.size() && tokens.get(at + 1).is("of")) {
            int of = contentFrom(tokens, at + 2);
            return of < 0 ? List.of(at) : List.of(at, of);
        }
        return List.of(at);
    }

    /**
     * The word the question asks about: the first content word after "how many", "how much", "what is the", "what's the";
     * the noun of "which drivers", "what salary"; or the predicate of "which projects are overdue"; -1 when there is
     * none. Not understood, the answer would be about something else ("how many nurses" answered with a count of
     * doctors, "which housekeeper cleaned room 4" with the room).
     */
    private static int askedAt(List<Token> tokens) {
        if (tokens.size() < 3) {
            return -1;
        }
        Token first = tokens.getFirst();
        int at = -1;
        if (first.is("how") && tokens.get(1).is("many", "much") || first.is("what") && tokens.get(1).is("is", "are", "was", "were")) {
            at = 2;
        } else if (first.is("what's", "whats")) {
            at = 1;
        } else if (first.is("which", "what", "who")) {
            for (int i = 2; i < tokens.size() - 1; i++) {
                if (tokens.get(i).is("is", "are", "was", "were") && i + 2 >= tokens.size() - 1) {
                    at = i + 1;  // the last word or two: "which courses are full", "which doctor is the friendliest"
                    break;
                }
            }
            if (at < 0 && !first.is("who") && !tokens.get(1).is("is", "are", "was", "were", "did", "do", "does", "has", "have", "had")) {
                at = 1;  // "which housekeeper cleaned ...", "what salary does ..."
            }
        }
        return at < 0 ? -1 : contentFrom(tokens, at);
    }

    /** The first content word from {@code at} on: past stopwords, numbers and "kind of"; -1 when there is none. */
    private static int contentFrom(List<Token> tokens, int at) {
        while (at < tokens.size() && (Stopwords.is(tokens.get(at).word()) || Stopwords.is(tokens.get(at).lower())
                || tokens.get(at).is("did", "do", "does", "kind", "kinds", "sort", "sorts", "type", "types")
                || tokens.get(at).isNumber())) {
            at++;
        }
        return at < tokens.size() ? at : -1;
    }
}
