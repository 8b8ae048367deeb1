package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
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
    private static final Set<String> LASTING = Set.of("run", "last", "take", "stay", "pass", "go", "spend", "keep", "kept");

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
        Optional<Col> from = only(p.intent().table, true);
        Optional<Col> to = only(p.intent().table, false);
        if (from.isEmpty() || to.isEmpty()) {
            // "how many days on average is a book kept": the one kind of rows belonging to the main table's that start and end
            List<TableSchema> spans = p.intent().tables.stream().filter(t -> !t.equals(p.intent().table) && belongs(t) && p.usable(t)
                    && only(t, true).isPresent() && only(t, false).isPresent()).toList();
            from = spans.size() == 1 ? only(spans.getFirst(), true) : Optional.empty();
            to = spans.size() == 1 ? only(spans.getFirst(), false) : Optional.empty();
        }
        Figure figure = from.isEmpty() || to.isEmpty() ? null : figure();
        if (figure == null) {
            return false;
        }
        time(from.get(), to.get(), unit, figure);
        p.use(start, unitAt + 1);
        lasting(unitAt + 1);
        String of = from.get().table().equals(p.intent().table) ? "" : from.get().table().name() + ".";
        p.assume("'" + words(start, unitAt + 1) + "' read as the time from " + of + from.get().name() + " to " + of + to.get().name());
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
        Figure figure = event.isEmpty() ? null : figure();
        if (figure == null) {
            return false;
        }
        time(due.getFirst(), event.get(), unit, figure);
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

    /** True when {@code table}'s rows point at the main table's. */
    private boolean belongs(TableSchema table) {
        TableSchema main = p.intent().table;
        return table.foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(main.name()) && fk.refSchema().equals(main.schema()));
    }

    /** The table's one date a row starts on ({@code start}), or its one date that ends a row, if it has one. */
    private Optional<Col> only(TableSchema table, boolean start) {
        List<Col> dates = Schema.visible(table).stream().filter(Col::isDate).toList();
        List<Col> found = start
                ? dates.stream().filter(c -> !ends(c) && !DUE.stream().anyMatch(c.words()::contains)
                        && c.words().stream().noneMatch(Restrictions.BOOKKEEPING::contains)).toList()
                : OrmColumns.businessEnds(dates.stream().filter(Elapsed::ends).toList());
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /** Words for a row's beginning, which name its one start date: "from start to finish". */
    private static final Set<String> BEGINNINGS = Set.of("start", "beginning", "begin", "outset", "opening", "launch");

    /**
     * "from start to finish", "between the beginning and the end": a word of beginning names the main table's one start
     * date ({@code start}), a word of ending (one of {@link Restrictions#ENDS} or a form of it) its one end date; stated.
     */
    Optional<Col> startOrEnd(int at, boolean start) {
        if (p.token(at) == null || p.used(at)) {
            return Optional.empty();
        }
        String stem = Stem.of(p.token(at).word());
        boolean names = start ? BEGINNINGS.contains(p.token(at).word())
                : Restrictions.ENDS.stream().anyMatch(e -> Stem.of(e).equals(stem));
        Optional<Col> date = names ? only(p.intent().table, start) : Optional.empty();
        date.ifPresent(d -> p.assume("'" + p.token(at).raw() + "' read as " + d.name()));
        return date;
    }

    /** Words that measure a time up to today from a date ("since", "ago") or from today to a date ("until", "left"). */
    private static final Set<String> SINCE = Set.of("since", "ago");
    private static final Set<String> UNTIL = Set.of("until", "till", "left", "remaining", "remain");

    /**
     * "how many days is it since each machine was last serviced", "how many days are left until each grant ends": the
     * time between today and the main table's date named within the next words.
     */
    boolean today(int start, int unitAt, String unit) {
        for (int k = unitAt + 1; k < Math.min(unitAt + 6, p.tokens().size()); k++) {
            String w = p.token(k).lower();
            if (p.used(k) || !SINCE.contains(w) && !UNTIL.contains(w)) {
                continue;
            }
            boolean since = SINCE.contains(w);
            for (int d = k + 1; d < Math.min(k + 7, p.tokens().size()); d++) {
                List<Col> dates = p.used(d) ? List.of() : measures.datesAt(d).stream().filter(c -> c.table().equals(p.intent().table)).distinct().toList();
                if (dates.size() != 1) {
                    continue;
                }
                Figure figure = figure();
                if (figure == null) {
                    return false;
                }
                time(since ? dates.getFirst() : null, since ? null : dates.getFirst(), unit, figure);
                p.use(start, unitAt + 1);
                p.use(k, k + 1);
                if (p.is(k + 1, "until", "till")) {
                    p.use(k + 1, k + 2);  // "left until"
                }
                Mention m = p.mentionAt(d);
                p.use(d, m != null ? m.end() : d + 1);
                lasting(unitAt + 1);
                return true;
            }
        }
        return false;
    }

    /** What is asked of a time: an aggregate of it over the rows, or ({@code aggregate} null) the time of each row. */
    record Figure(Intent.Aggregate aggregate) {
    }

    /** Words that ask for the largest or smallest of a time: "the longest wait", "the shortest stay". */
    private static final java.util.Map<String, Intent.Aggregate> EXTREMES = java.util.Map.of("longest", Intent.Aggregate.MAX,
            "maximum", Intent.Aggregate.MAX, "shortest", Intent.Aggregate.MIN, "minimum", Intent.Aggregate.MIN);

    /** The words of a time itself, which an aggregate right before asks about: "the average time", "the longest wait". */
    private static final Set<String> TIME_NOUNS = Set.of("time", "length", "duration", "wait", "gap", "delay");

    /**
     * The figure asked of a time, its word marked read: "on average" or "mean" an average, "longest" or "shortest" the
     * largest or smallest; with none, "each season", "did each run" ask for the time of every row. Null when nothing
     * says which.
     */
    Figure figure() {
        if (measures.averaged()) {
            return new Figure(Intent.Aggregate.AVG);
        }
        for (int i = 0; i < p.tokens().size(); i++) {
            if (!p.used(i) && EXTREMES.containsKey(p.token(i).lower())) {
                p.use(i, i + 1);
                return new Figure(EXTREMES.get(p.token(i).lower()));
            }
        }
        for (int i = 0; i < p.tokens().size(); i++) {
            // "each season", "how many days did each run": each row of the main table, never of another table
            boolean otherTable = p.termAt(i + 1).map(t -> !t.table().equals(p.intent().table)).orElse(false);
            if (!p.used(i) && p.is(i, "each", "every") && !otherTable) {
                p.use(i, i + 1);
                return new Figure(null);
            }
        }
        return null;
    }

    /** True when a time's noun stands at {@code i} right after a word asking for a figure: "the average time". */
    boolean timeNoun(int i) {
        if (p.used(i) || !p.is(i, TIME_NOUNS.toArray(String[]::new)) || !p.columnsAt(i).isEmpty() || p.token(i - 1) == null
                || p.used(i - 1)) {
            return false;
        }
        String before = p.token(i - 1).lower();
        return Cues.AGGREGATES.get(before) == Intent.Aggregate.AVG || EXTREMES.containsKey(before);
    }

    /**
     * The time from {@code from} to {@code to} of a row, in {@code unit}s: days between two dates are their difference,
     * anything with a moment goes through seconds. An aggregate is measured over the rows; the time of each row is listed
     * beside the row's name.
     */
    void time(Col from, Col to, String unit, Figure figure) {
        boolean dates = (from == null || isDay(from)) && (to == null || isDay(to));
        int seconds = Measures.UNITS_OF_TIME.get(unit);
        // a null side is today: current_date beside days, now() beside moments; the column present is %1$s
        String today = dates ? "current_date" : "now()";
        String start = from == null ? today : "%1$s";
        String end = to == null ? today : from == null ? "%1$s" : "%2$s";
        String expression = dates ? "(" + end + " - " + start + ")" + (seconds == 86400 ? "" : " * " + (86400.0 / seconds))
                : "extract(epoch FROM (" + end + " - " + start + ")) / " + seconds;
        Col base = from == null ? to : from;
        Col time = new Col(base.table(), base.column(), expression, unit + "s", from == null ? null : to);
        if (figure.aggregate() == null) {
            // each row beside its name or title; a table with none shows its key, and says so, since people may have
            // meant the name of something the row belongs to
            TableSchema table = p.intent().table;
            List<Col> naming = Schema.named(table) ? Schema.labels(table)
                    : table.primaryKey().stream().flatMap(k -> table.column(k).map(c -> Col.of(table, c)).stream()).toList();
            if (!Schema.named(table)) {
                p.assume("each row of " + table.name() + " shown by its " + String.join(", ", naming.stream().map(Col::name).toList()));
            }
            naming.stream().filter(c -> !p.intent().select.contains(c)).forEach(p.intent().select::add);
            p.intent().select.add(time);
        } else {
            p.intent().aggregate = figure.aggregate();
            p.intent().aggregated = time;
        }
        p.intent().need(time);
    }

    private static boolean isDay(Col date) {
        return date.column().type().equalsIgnoreCase("date");
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
