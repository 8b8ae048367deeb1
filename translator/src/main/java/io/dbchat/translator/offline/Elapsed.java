package io.dbchat.translator.offline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Durations no two words name: "how long does a season run on average" is the time from the row's one start date to
 * its one end date (a column named with a word that ends a row, {@link Restrictions#ENDS}); "how many days late is a
 * delivery on average" is the time from the row's date it was due by (a column named due, deadline, promised, wanted or
 * expected) to its event's date, over the rows where it came later. The dates are found by their names, never by the
 * question's words, and every reading that chose a date is stated.
 */
final class Elapsed {

    /** Words of a date column that a row's event is measured against. */
    private static final Set<String> DUE = Set.of("due", "deadline", "promised", "wanted", "expected");
    /** The verbs of a time itself: "how long does it run", "how many days did they last". */
    private static final Set<String> LASTING = Set.of("run", "last", "take", "stay", "pass", "go", "spend");

    private final IntentParser p;
    private final Measures measures;

    Elapsed(IntentParser parser, Measures measures) {
        this.p = parser;
        this.measures = measures;
    }

    /** "in days", "in minutes": where the unit asked for a duration stands, -1 when none is. */
    int unitAsked() {
        for (int i = 1; i < p.tokens().size(); i++) {
            if (!p.used(i) && p.is(i - 1, "in") && Measures.UNITS_OF_TIME.containsKey(p.token(i).word()) && !p.is(i + 1, "of")) {
                return i;
            }
        }
        return -1;
    }

    /** "how long does a campaign run on average": from the main table's one start date to its one end date. */
    boolean span(int start, int unitAt, String unit) {
        List<Col> dates = Schema.visible(p.intent().table).stream().filter(Col::isDate).toList();
        List<Col> ends = OrmColumns.businessEnds(dates.stream().filter(Elapsed::ends).toList());
        List<Col> starts = dates.stream().filter(c -> !ends(c) && !DUE.stream().anyMatch(c.words()::contains)
                && c.words().stream().noneMatch(Restrictions.BOOKKEEPING::contains)).toList();
        if (ends.size() != 1 || starts.size() != 1 || !measures.averaged()) {
            return false;
        }
        measures.averageTime(starts.getFirst(), ends.getFirst(), unit);
        p.use(start, unitAt + 1);
        lasting(unitAt + 1);
        p.assume("'" + words(start, unitAt + 1) + "' read as the time from " + starts.getFirst().name() + " to " + ends.getFirst().name());
        return true;
    }

    /**
     * "how many days late is an order on average": from the main table's one due date to the event's date (named, or
     * else its one date left empty until the event), over the rows where the event came after it.
     */
    boolean late(int start, int unitAt, String unit) {
        if (!p.is(unitAt + 1, "late", "overdue")) {
            return false;
        }
        List<Col> due = Schema.visible(p.intent().table).stream()
                .filter(c -> c.isDate() && c.words().stream().anyMatch(DUE::contains)).toList();
        if (due.size() != 1) {
            return false;
        }
        Optional<Col> named = Optional.empty();
        int namedAt = -1;
        for (int k = 0; k < p.tokens().size() && named.isEmpty(); k++) {
            if (!p.used(k) && (k < start || k > unitAt + 1)) {
                namedAt = k;
                named = p.dateColumnsAt(k).stream().filter(c -> c.table().equals(p.intent().table) && !c.equals(due.getFirst())).findFirst();
            }
        }
        boolean assumed = named.isEmpty();
        Optional<Col> event = named.or(() -> {
            List<Col> empty = Schema.visible(p.intent().table).stream()
                    .filter(c -> c.isDate() && c.column().nullable() && !c.equals(due.getFirst())).toList();
            return empty.size() == 1 ? Optional.of(empty.getFirst()) : Optional.empty();
        });
        if (event.isEmpty() || !measures.averaged()) {
            return false;
        }
        measures.averageTime(due.getFirst(), event.get(), unit);
        p.intent().filter(event.get(), "%1$s > %2$s", due.getFirst());
        p.use(start, unitAt + 2);
        if (!assumed) {
            p.use(namedAt, p.mentionAt(namedAt).end());
        }
        for (int k = 0; k < p.tokens().size(); k++) {
            if (!p.used(k) && p.is(k, "late", "overdue")) {
                p.use(k, k + 1);  // "when an order arrives late": the same condition again
            }
        }
        p.assume("'" + words(start, unitAt + 2) + "' read as the time from " + due.getFirst().name() + " to "
                + event.get().name() + " where " + event.get().name() + " is after " + due.getFirst().name());
        return true;
    }

    private static boolean ends(Col date) {
        return date.words().stream().anyMatch(Restrictions.ENDS::contains);
    }

    /** Marks the verb of the time itself after the cue: "does a campaign run", "did they last". */
    void lasting(int from) {
        for (int k = from; k < Math.min(from + 6, p.tokens().size()); k++) {
            String w = p.token(k).word();
            if (!p.used(k) && p.mentionAt(k) == null && (LASTING.contains(w) || LASTING.contains(Stem.of(w)) || w.equals("took"))) {
                p.use(k, k + 1);
            }
        }
    }

    private String words(int from, int to) {
        return String.join(" ", p.tokens().subList(from, Math.min(to, p.tokens().size())).stream().map(Token::raw).toList());
    }
}
