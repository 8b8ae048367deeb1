package io.dbchat.translator.offline;

import java.util.Set;

/**
 * A denial of the word at a position, reached across the auxiliaries English puts between them: "aren't on account",
 * "don't have lamination", "weren't cancelled", "no longer in commission", "not in division 1", "haven't yet been
 * spayed". The denial is a word of negation or any contraction in n't; the words between may only be forms of be, have
 * and do and the adverbs of time that keep the state ("yet", "ever", "longer", "currently"), so a negation that governs
 * another verb ("didn't pay for the rush jobs") is not taken for a denial of the rush flag.
 */
final class Denials {

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "non");
    private static final Set<String> BETWEEN = Set.of("been", "be", "is", "are", "was", "were", "have", "has", "had",
            "do", "does", "did", "yet", "ever", "longer", "currently", "presently", "in", "at", "on", "the", "a", "an");

    private Denials() {
    }

    /** The index of the denial of the word at {@code i}, or -1; the denial and the words up to {@code i} are unread. */
    static int of(IntentParser p, int i) {
        for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
            if (p.used(j)) {
                return -1;
            }
            if (isDenial(p, j)) {
                return p.is(j, "no") && !p.is(j + 1, "longer") && j + 1 != i ? -1 : j;
            }
            if (!BETWEEN.contains(p.token(j).lower())) {
                return -1;
            }
        }
        return -1;
    }

    /** Marks the denial at {@code at} read, with a "longer" after it ("no longer"). */
    static void use(IntentParser p, int at) {
        p.use(at, p.is(at + 1, "longer") ? at + 2 : at + 1);
    }

    /**
     * "out of service", "out of stock": the main table's flag named in_ and the word after "of" (in_service), denied,
     * whatever else that word may name (a date last_serviced_on).
     */
    static void outOf(IntentParser p) {
        for (int i = 0; i + 2 < p.tokens().size(); i++) {
            if (p.used(i) || p.used(i + 1) || p.used(i + 2) || !p.is(i, "out") || !p.is(i + 1, "of")) {
                continue;
            }
            String stem = Stem.of(Words.singular(p.token(i + 2).lower()));
            java.util.List<Col> flags = Schema.visible(p.intent().table).stream().filter(Col::isBoolean).filter(c -> {
                java.util.List<String> name = c.words();
                return name.size() == 2 && name.getFirst().equals("in") && Stem.of(name.getLast()).equals(stem);
            }).toList();
            if (flags.size() == 1) {
                p.intent().filter(flags.getFirst(), "NOT %1$s");
                Mention m = p.mentionAt(i + 2);
                p.use(i, m != null && m.start() == i + 2 ? Math.max(m.end(), i + 3) : i + 3);
            }
        }
    }

    private static boolean isDenial(IntentParser p, int j) {
        String w = p.token(j).lower().replace('\u2019', '\'');
        return NEGATIONS.contains(w) || w.endsWith("n't");
    }
}
