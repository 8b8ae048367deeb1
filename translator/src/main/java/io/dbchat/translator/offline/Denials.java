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

    private static boolean isDenial(IntentParser p, int j) {
        String w = p.token(j).lower().replace('\u2019', '\'');
        return NEGATIONS.contains(w) || w.endsWith("n't");
    }
}
