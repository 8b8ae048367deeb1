package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * "cars that have never been rented", "jobs with no applicants": a word after a denial that names no part of the schema
 * but shares its stem with a table whose rows point at the main table's (rent-ed and rent-als, applica-nts and
 * applica-tions) stands for those rows. Only when exactly one such table fits; the reading is stated.
 */
final class StemTables {

    /** How many first letters the word and the table's name must share. */
    private static final int STEM = 4;

    private StemTables() {
    }

    /** The related rows the word at {@code i} stands for, as a mention, when a denial comes just before it. */
    static Optional<Mention> denied(IntentParser p, int i, java.util.function.IntPredicate negation) {
        if (p.mentionAt(i) != null || p.used(i) || p.token(i).word().length() < STEM + 1 || !deniedAt(p, i, negation)) {
            return Optional.empty();
        }
        String word = p.token(i).word();
        TableSchema main = p.intent().table;
        List<TableSchema> fits = p.intent().tables.stream().filter(t -> !t.equals(main))
                .filter(t -> Schema.join(main, t).map(j -> Schema.fansOut(j, main)).orElse(false))
                .filter(t -> shared(word, p.vocabulary().tableWords(t).getFirst()) >= Math.max(STEM, word.length() - 3))
                .toList();
        if (fits.size() != 1) {
            return Optional.empty();
        }
        p.assume("'" + p.token(i).raw() + "' read as " + fits.getFirst().name());
        return Optional.of(new Mention(i, i + 1, List.of(Term.table(List.of(word), fits.getFirst(), 1.0))));
    }

    /** A denial within the three words before, with only "been", "any", "a" or "single" between. */
    private static boolean deniedAt(IntentParser p, int i, java.util.function.IntPredicate negation) {
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
            if (negation.test(k)) {
                return true;
            }
            if (!p.is(k, "been", "any", "a", "an", "single", "yet", "ever")) {
                return false;
            }
        }
        return false;
    }

    private static int shared(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
