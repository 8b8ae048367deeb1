package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which date a period ("last year", "in the next 90 days") or a time bucket ("per month") falls on when no word names
 * one: a verb of ending before the period ("expire", "end", "close") names the row's one end date; a verb right before
 * it on a table with one date names that date; rows named right before it that belong to the main table's give their
 * one date; else the bucket's date, or the table's first date that is not a birth date or a last change, and when it
 * has several the reading is stated, since another date may have been meant ("jobs filled last year").
 */
final class PeriodDates {

    /** Beginnings of verbs that end a row: "expire(s/d)", "ending", "closes", "lapsed", "terminated", "churn". */
    private static final List<String> ENDING = List.of("expir", "end", "finish", "clos", "terminat", "laps", "churn",
            "cancel", "retir", "resign");

    private PeriodDates() {
    }

    /** "policies that expire in the next 90 days": the main table's one date that ends a row, for a verb of ending. */
    static Optional<Col> endingVerb(IntentParser p, int from) {
        for (int k = from - 1; k >= Math.max(0, from - 2); k--) {
            String word = p.token(k).lower();
            if (p.used(k) || ENDING.stream().noneMatch(word::startsWith) || word.length() > 11) {
                continue;
            }
            List<Col> ends = OrmColumns.businessEnds(Schema.visible(p.intent().table).stream().filter(Col::isDate)
                    .filter(c -> c.words().stream().anyMatch(Restrictions.ENDS::contains)).toList());
            if (ends.size() == 1) {
                p.use(k, k + 1);
                p.assume("'" + p.token(k).raw() + "' read as " + ends.getFirst().name());
                return Optional.of(ends.getFirst());
            }
        }
        return Optional.empty();
    }

    /** Words of dates a period is not asked about unless a word names them: a birth date, a row's last change. */
    private static final Set<String> NOT_EVENTS = Set.of("birth", "born", "dob", "birthday", "updated", "modified", "changed",
            "edited");

    /**
     * The date a period or a time bucket (words {@code from} to {@code to}) falls on when no word names one: the date
     * the question's time bucket reads ("each month this year" is one date), else the table's first date that is
     * neither a birth date nor a row's last change ("people who joined last month" is not about the month they were
     * born in), else (for a period, {@code years}) its first year, else, for a time bucket, the date of the one row
     * each row belongs to ("complaints per month": the sailing's departure). A date chosen among several, or of another table,
     * is stated.
     */
    static Optional<Col> unnamed(IntentParser p, int from, int to, boolean years) {
        Col bucket = p.intent().groupBy;
        TableSchema table = p.intent().table;
        if (bucket != null && bucket.expression() != null && bucket.expression().startsWith("date_trunc") && bucket.table().equals(table)) {
            return Optional.of(Col.of(bucket.table(), bucket.column()));
        }
        Optional<Col> own = eventDate(table).or(() -> years ? Schema.visible(table).stream().filter(Col::isYear).findFirst() : Optional.empty());
        if (own.isPresent()) {
            assumeFirst(p, own.get(), from, to);
            return own;
        }
        if (years) {
            return Optional.empty();  // a period on another table's date would filter rows that are no events of their own
        }
        List<Col> parents = table.foreignKeys().stream().map(fk -> p.intent().tables.stream()
                        .filter(t -> t.name().equals(fk.refTable()) && t.schema().equals(fk.refSchema())).findFirst())
                .flatMap(Optional::stream).distinct().filter(t -> !t.equals(table)).map(t -> events(t).stream().findFirst()).flatMap(Optional::stream).toList();
        if (parents.size() != 1) {
            return Optional.empty();
        }
        Col date = parents.getFirst();
        p.assume("'" + words(p, from, to) + "' read on " + date.table().name() + "." + date.name() + ", the date of the "
                + Words.singular(date.table().name()) + " each row of " + table.name() + " belongs to");
        return Optional.of(date);
    }

    /**
     * "deliveries were completed in each quarter", "sales we closed year to date": a verb right before a period or time
     * bucket ({@code from}) that names no column or value, on a table with only one date, is that date's event; stated.
     */
    static Optional<Col> verbOfOnlyDate(IntentParser p, int from) {
        List<Col> dates = Schema.visible(p.intent().table).stream().filter(Col::isDate).toList();
        for (int k = from - 1; k >= Math.max(0, from - 3) && dates.size() == 1; k--) {
            if (p.is(k, "in", "during", "for", "the") && !p.used(k)) {
                continue;
            }
            boolean verb = p.token(k).lower().endsWith("ed") || p.is(k - 1, "were", "was", "been", "we", "they", "you");
            if (p.used(k) || p.mentionAt(k) != null || !verb || Stopwords.is(p.token(k).word())) {
                return Optional.empty();
            }
            p.use(k, k + 1);
            p.assume("'" + p.token(k).raw() + "' read as " + dates.getFirst().name() + ", the only date of " + p.intent().table.name());
            return Optional.of(dates.getFirst());
        }
        return Optional.empty();
    }

    /**
     * "sites that had an inspection in the last 90 days", "customers who placed orders last month": a period right after
     * a table whose rows belong to the main table's falls on that table's one event date; stated.
     */
    static Optional<Col> ofRowsNamedBefore(IntentParser p, int from, int to) {
        TableSchema main = p.intent().table;
        for (int k = from - 1; k >= Math.max(0, from - 3); k--) {
            Optional<Term> t = p.termAt(k);
            if (t.isEmpty() || t.get().kind() != Term.Kind.TABLE || t.get().table().equals(main)) {
                continue;
            }
            TableSchema named = t.get().table();
            boolean belongs = named.foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(main.name()) && fk.refSchema().equals(main.schema()));
            List<Col> dates = events(named);
            if (!belongs || !p.usable(named) || dates.size() != 1) {
                return Optional.empty();
            }
            p.assume("'" + words(p, from, to) + "' read on " + named.name() + "." + dates.getFirst().name());
            return Optional.of(dates.getFirst());
        }
        return Optional.empty();
    }

    private static String words(IntentParser p, int from, int to) {
        return String.join(" ", p.tokens().subList(from, Math.min(to, p.tokens().size())).stream().map(Token::raw).toList());
    }

    /** The table's first date that is neither a birth date nor a row's last change, else its first date. */
    static Optional<Col> eventDate(TableSchema table) {
        return events(table).stream().findFirst().or(() -> Schema.visible(table).stream().filter(Col::isDate).findFirst());
    }

    /** The table's dates that are neither a birth date nor a row's last change. */
    private static List<Col> events(TableSchema table) {
        return Schema.visible(table).stream().filter(Col::isDate)
                .filter(c -> c.words().stream().noneMatch(NOT_EVENTS::contains)).toList();
    }

    /**
     * "how many new members joined this year", "new accounts per month": "new" right before the rows' name says no
     * more than that their date falls in the period or bucket read on it, unless "new" is one of their stored values.
     */
    static void newRows(IntentParser p, Col date) {
        if (!date.table().equals(p.intent().table) || Schema.visible(date.table()).stream()
                .anyMatch(c -> c.column().values().stream().anyMatch(v -> v.equalsIgnoreCase("new")))) {
            return;
        }
        for (int k = 0; k + 1 < p.tokens().size(); k++) {
            int at = k + 1;
            if (!p.used(k) && p.mentionAt(k) == null && p.is(k, "new", "newly") && p.termAt(at).map(t -> t.kind() == Term.Kind.TABLE
                    && t.table().equals(p.intent().table)).orElse(false)) {
                p.use(k, at);
                p.assume("'" + p.token(k).raw() + "' read as " + date.name() + " in the period asked");
            }
        }
    }

    /** States that the period was read on the table's first date when it has others a question could mean. */
    static void assumeFirst(IntentParser p, Col date, int from, int to) {
        Set<Col> dates = Set.copyOf(Schema.visible(p.intent().table).stream().filter(c -> c.isDate() || c.isYear()).toList());
        if (dates.size() > 1) {
            p.assume("'" + words(p, from, to) + "' read on " + date.name() + ", one of several dates of " + p.intent().table.name());
        }
    }
}
