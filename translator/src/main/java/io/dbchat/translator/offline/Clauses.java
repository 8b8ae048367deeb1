package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The two sides of a comparison between columns when a clause names them rather than a column's own words: "paid
 * after <em>they were due</em>", "arrived after the date <em>they were expected</em>", "ended on a later day than
 * <em>they started</em>", "charged more than <em>they were quoted</em>" (a verb of the row's own column, met by its
 * stem: due_on, expected_on, start_date, quoted); and a verb before the cue no column is named by ("finished after",
 * "went out later than"): the row's one date whose name ends a row when the verb is such a word, else its one date left
 * empty until its event happens. Both are read from the column names and their nullability only; either reading is
 * stated by {@link ColumnComparisons}.
 */
final class Clauses {

    /** The subject of a clause that speaks of the rows themselves. */
    private static final Set<String> PRONOUNS = Set.of("they", "it", "he", "she");
    /** Auxiliaries and adverbs between the subject and its verb: "they had already", "it was originally". */
    private static final Set<String> AUXILIARIES = Set.of("were", "was", "had", "has", "have", "been", "are", "is",
            "already", "even", "first", "originally", "actually", "being", "be");
    /** Words before a cue that only link the rows to it: "orders that were ...", not a verb of their own. */
    private static final Set<String> LINKS = Set.of("that", "which", "who", "were", "was", "are", "is", "been", "have",
            "has", "had", "ones", "the", "a", "an", "on", "in", "at", "of", "did", "do", "does");

    private Clauses() {
    }

    /**
     * "they were promised", "the date they were expected": a column of the main table (other than {@code not}) whose
     * name holds the clause's verb, and where the clause ends.
     */
    static Optional<ColumnComparisons.Side> side(IntentParser p, int at, Predicate<Col> fit, Col not) {
        int k = at;
        if (p.is(k, "date", "day", "time") && !p.used(k) && p.is(k + 1, PRONOUNS.toArray(String[]::new))) {
            k++;
        }
        if (!p.is(k, PRONOUNS.toArray(String[]::new)) || p.used(k)) {
            return Optional.empty();
        }
        k++;
        while (k < p.tokens().size() && !p.used(k) && AUXILIARIES.contains(p.token(k).lower())) {
            k++;
        }
        int verb = k;
        // "they" is taken for the rows themselves: a reading of the clause, stated
        return named(p, p.intent().table, verb, fit, not).map(c -> new ColumnComparisons.Side(c, end(p, verb, c), true));
    }

    /** The one column of {@code table} fitting {@code fit} whose name holds the verb at {@code k} ("started": start_date). */
    static Optional<Col> named(IntentParser p, TableSchema table, int k, Predicate<Col> fit, Col not) {
        if (k >= p.tokens().size() || p.used(k) || p.token(k).isNumber()) {
            return Optional.empty();
        }
        String stem = stem(p.token(k).lower());
        List<Col> named = Schema.visible(table).stream().filter(fit).filter(c -> !c.equals(not))
                .filter(c -> c.words().stream().anyMatch(w -> stem(w).equals(stem))).toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    /** Past the verb and the words after it that belong to the column's name ("due in": due_in_at). */
    private static int end(IntentParser p, int verb, Col c) {
        List<String> name = c.words();
        int k = verb + 1;
        while (k < p.tokens().size() && !p.used(k) && name.contains(p.token(k).lower())) {
            k++;
        }
        return k;
    }

    private static String stem(String word) {
        return Stem.of(Words.singular(word.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The first of up to two unread words right before the cue that name nothing ("went out" later than), or -1. */
    static int verbBefore(IntentParser p, int cue) {
        int start = -1;
        for (int j = cue - 1; j >= Math.max(0, cue - 2); j--) {
            if (p.used(j) || p.mentionAt(j) != null || LINKS.contains(p.token(j).lower()) || p.token(j).isNumber()) {
                break;
            }
            start = j;
        }
        return start;
    }

    /**
     * The main table's date the verb before the cue stands for when it names none: the one date whose name ends a row
     * when the verb is such a word ("finished": completed_on), else the one date left empty until its event.
     */
    static Optional<Col> eventOfVerb(IntentParser p, int cue, Predicate<Col> fit, Col other) {
        int verb = verbBefore(p, cue);
        if (verb < 0 || !other.isDate()) {
            return Optional.empty();
        }
        List<Col> dates = Schema.visible(p.intent().table).stream().filter(fit).filter(Col::isDate)
                .filter(c -> !c.equals(other)).toList();
        if (ends(p, verb, cue)) {
            List<Col> ending = dates.stream().filter(Clauses::ends).toList();
            return ending.size() == 1 ? Optional.of(ending.getFirst()) : Optional.empty();
        }
        List<Col> open = dates.stream().filter(c -> c.column().nullable()).toList();
        return open.size() == 1 ? Optional.of(open.getFirst()) : Optional.empty();
    }

    private static boolean ends(IntentParser p, int from, int to) {
        for (int j = from; j < to; j++) {
            if (Restrictions.ENDS.contains(p.token(j).lower())) {
                return true;
            }
        }
        return false;
    }

    private static boolean ends(Col c) {
        return c.words().stream().anyMatch(Restrictions.ENDS::contains);
    }

    /**
     * Marks the verb the left column was read from ({@code verb}, or -1), and a word that ends a row right before the
     * cue when the column chosen is the row's end ("completed sites finished after": completed_on).
     */
    static void useVerbOf(IntentParser p, int cue, Col left, int verb) {
        if (verb >= 0) {
            p.use(verb, cue);
        } else if (cue > 0 && !p.used(cue - 1) && Restrictions.ENDS.contains(p.token(cue - 1).lower()) && ends(left)) {
            p.use(cue - 1, cue);
        }
    }
}
