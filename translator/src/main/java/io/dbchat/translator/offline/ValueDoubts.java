package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;

/**
 * Stored values read from words that only resemble them, or from a common word that is a value of rows the question
 * does not name: "opened" read as the status 'open', "new candidates" read as an application's stage 'new'. The
 * reading may be right, but it is a guess the answer must state.
 */
final class ValueDoubts {

    private ValueDoubts() {
    }

    /** States the reading of mention {@code m} as the value {@code t} when it is a guess. */
    static void check(IntentParser p, Mention m, Term t) {
        List<Token> typed = p.tokens().subList(m.start(), m.end());
        if (typed.getFirst().quoted() || m.start() > 0 && typed.getFirst().isCapitalized()) {
            return;  // a name typed as it is stored
        }
        boolean resembles = !Words.ofValue(t.value()).equals(typed.stream().map(Token::word).toList());
        boolean elsewhere = !t.table().equals(p.intent().table) && !named(p, t.table());
        if (resembles || elsewhere) {
            String phrase = String.join(" ", typed.stream().map(Token::raw).toList());
            p.assume("'" + phrase + "' read as " + (elsewhere ? t.table().name() + " " : "") + t.column().name()
                    + " = '" + t.value() + "'");
        }
    }

    /**
     * "on our books", "in their hands": a word that only resembles a stored value ('booked') after a possessive is a noun
     * of a set phrase, not the state of the rows; it is left unread rather than read as that value.
     */
    static boolean idiom(IntentParser p, Mention m, Term t) {
        List<Token> typed = p.tokens().subList(m.start(), m.end());
        return p.is(m.start() - 1, "our", "my", "your", "their", "his", "her") && !typed.getFirst().quoted()
                && !Words.ofValue(t.value()).equals(typed.stream().map(Token::word).toList());
    }

    private static boolean named(IntentParser p, TableSchema table) {
        for (int i = 0; i < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i);
            if (m != null && m.start() == i && m.of(Term.Kind.TABLE).stream().anyMatch(t -> t.table().equals(table) && t.weight() >= 0.6)) {
                return true;
            }
        }
        return false;
    }
}
