package io.dbchat.translator.offline;

import java.util.List;
import java.util.Set;

/**
 * Groupings named by the words around a column rather than the column alone: "each kind of membership" (past "kind of"),
 * "per payment method" (the main table's name before its column), "how many bikes of each type" (the main table's one
 * column of types, kinds or categories), "break the orders down by channel".
 */
final class GroupWords {

    private static final Set<String> KINDS = Set.of("kind", "type", "sort", "category", "class");

    private GroupWords() {
    }

    /** "each kind of membership": the index of the column after "kind of", else {@code at}. */
    static int pastKind(IntentParser p, int at) {
        // not where the word names a column itself ("each kind of campaign" with a column kind)
        return p.is(at, "kind", "type", "sort") && p.mentionAt(at) == null && p.is(at + 1, "of") && p.mentionAt(at + 2) != null
                ? at + 2 : at;
    }

    /** True when the used word at {@code at} names the main table and an unread column of it follows. */
    static boolean ownTableBeforeColumn(IntentParser p, int at) {
        Mention here = p.mentionAt(at);
        Mention next = p.mentionAt(here.end());
        return here.candidates().stream().anyMatch(c -> c.kind() == Term.Kind.TABLE && c.table().equals(p.intent().table))
                && next != null && !p.used(next.start()) && next.candidates().stream().anyMatch(c -> c.kind() == Term.Kind.COLUMN
                && c.table().equals(p.intent().table) && !c.column().isKey());
    }

    /** Words that open a request for rows rather than name figures: "list the staff by role" is a list. */
    private static final Set<String> REQUESTS = Set.of("list", "show", "display", "give", "find", "get", "sort", "order",
            "rank", "arrange", "which", "who", "what", "where", "when", "whose", "are", "is", "do", "does", "did");

    /**
     * "subscribers by country", "ticket revenue by ticket category": a question that is only a noun phrase, with "by" and
     * a kind its rows fall into (a text or flag column, not the name of each row, or a related table), asks for those
     * rows broken down by it, as a report heading does; "list the subscribers by country" is left a list.
     */
    static boolean breakdownPhrase(IntentParser p, int by) {
        if (p.is(0, REQUESTS.toArray(String[]::new)) || p.intent().limit != null || p.intent().order != null) {
            return false;
        }
        int at = p.skip(by + 1, "the");
        Mention m = p.mentionAt(at);
        if (m == null || m.start() != at) {
            return false;
        }
        Term t = p.termAt(at).orElseThrow();
        if (t.kind() == Term.Kind.TABLE && t.table().equals(p.intent().table) && ownTableBeforeColumn(p, at)) {
            at = m.end();  // "by ticket category": the rows' own name before their column
            t = p.termAt(at).orElseThrow();
        }
        if (t.kind() == Term.Kind.TABLE) {
            return !t.table().equals(p.intent().table) && p.usable(t.table());
        }
        return p.columnsAt(at).stream().anyMatch(c -> (c.isText() || c.isBoolean()) && !c.isKey() && c.expression() == null
                && !(Schema.named(c.table()) && Schema.labels(c.table()).contains(c)));
    }

    /** "break the orders down by", "broken down by": the words of the phrase go with the grouping. */
    static void breakDown(IntentParser p, int by) {
        if (!p.is(by - 1, "down")) {
            return;
        }
        for (int k = 0; k < by; k++) {
            if (!p.used(k) && p.is(k, "break", "broken", "down")) {
                p.use(k, k + 1);
            }
        }
    }

    /**
     * "of each type", "per category", "by kind": a word for kinds, after a word that groups, names the main table's one
     * column whose name ends in it (bike_type, category); with none or several it is left for the ask-back.
     */
    static void ofType(IntentParser p, int i) {
        if (p.used(i) || !p.is(i, "per", "each", "every", "by") || p.intent().groupBy != null) {
            return;
        }
        int at = p.skip(i + 1, "the");
        if (!p.is(at, KINDS.toArray(String[]::new)) || p.used(at) || p.mentionAt(at) != null || p.is(at + 1, "of")) {
            return;
        }
        String kind = p.token(at).word();
        List<Col> typed = Schema.visible(p.intent().table).stream().filter(c -> !c.isKey() && c.isText()
                && c.words().getLast().equals(kind)).toList();
        if (typed.size() != 1) {
            return;
        }
        p.intent().groupBy = typed.getFirst();
        p.intent().eachGroup = p.is(i, "each", "every");
        p.intent().need(typed.getFirst());
        p.use(i, at + 1);
        if (!p.intent().isAggregate()) {
            p.intent().count = true;
        }
    }
}
