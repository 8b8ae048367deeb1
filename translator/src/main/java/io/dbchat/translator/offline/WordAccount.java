package io.dbchat.translator.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words of a question that decide its answer: a negation, a grouping, a ranking, an aggregate, a comparison,
 * or a value (a number, a quoted phrase, a capitalised name).
 * Left unread, the answer would look right and be wrong ("customers without orders" answered with all customers),
 * so such a word makes the translator ask back instead of answering with the word ignored.
 */
final class WordAccount {

    private static final Set<String> CRITICAL = Set.of(
            "no", "not", "never", "without", "none", "nobody", "nothing", "non", "except", "excluding", "neither",
            "nor", "per", "most", "least", "fewest", "top", "average", "mean", "total", "sum", "maximum", "minimum",
            "highest", "lowest", "more", "less", "fewer", "greater", "over", "under", "above", "below", "than",
            "before", "after", "since", "between", "late", "overdue", "early", "next", "previous", "ago");
    /** Words that group only when a word follows them: "each year", "every month". */
    private static final Set<String> EACH = Set.of("each", "every");

    private WordAccount() {
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
            if (CRITICAL.contains(t.lower()) || grouping) {
                out.add(grouping ? t.raw() + " " + tokens.get(i + 1).raw() : t.raw());
            }
        }
        return out;
    }
}
