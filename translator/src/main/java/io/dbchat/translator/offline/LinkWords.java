package io.dbchat.translator.offline;

import java.util.Set;

/**
 * Words that only link the rows asked for to a related table the question already restricts: "pets belonging to owners
 * who live in Otley", "applications for jobs at Berlin-based clients". Once a condition reads that table, its name and
 * the linking verb beside a read word add nothing further, so they are not left over to lower the confidence.
 */
final class LinkWords {

    /** Verbs of belonging and of place that tie one row to another or to a value, in their common forms. */
    private static final Set<String> LINKING = Set.of("belonging", "belong", "belongs", "belonged", "live", "lives", "living",
            "lived", "based", "located", "situated");

    private final IntentParser p;

    LinkWords(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        for (int i = 0; i < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i);
            if (m == null || m.start() != i || p.used(i)) {
                continue;
            }
            Term t = Resolution.resolve(m, p.intent().table).getFirst();
            if (t.kind() == Term.Kind.TABLE && !t.table().equals(p.intent().table) && t.weight() >= 0.6 && p.readsThrough(t.table())
                    && (linkedBefore(m.start()) || linkedAfter(m.end()))) {
                p.use(m.start(), m.end());
            }
        }
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i) || p.mentionAt(i) != null || !LINKING.contains(p.token(i).lower())) {
                continue;
            }
            if (linksTo(i + 1) || p.used(i - 1) && p.token(i - 1) != null && p.token(i - 1).isCapitalized()) {
                p.use(i, i + 1);  // "living in Lyon", "Berlin-based"
            }
        }
    }

    /** "belonging to owners": a linking verb before the table, past a preposition. */
    private boolean linkedBefore(int start) {
        int k = start - 1;
        while (k >= 0 && p.is(k, "to", "in", "at", "from", "by", "with", "the", "a", "an", "our")) {
            k--;
        }
        return k < start - 1 && k >= 0 && LINKING.contains(p.token(k).lower());
    }

    /** "owners who live in", "clients based in": a linking verb right after the table. */
    private boolean linkedAfter(int end) {
        int k = p.skip(end, "who", "that", "which");
        return p.token(k) != null && LINKING.contains(p.token(k).lower());
    }

    /** True when a read word follows, past a preposition: "belonging to owners", "based in Poland". */
    private boolean linksTo(int i) {
        int at = p.skip(i, "to", "in", "at", "from", "by", "with", "the", "a", "an", "our");
        return at > i && at < p.tokens().size() && p.used(at);
    }
}
