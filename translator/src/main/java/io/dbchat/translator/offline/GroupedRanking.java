package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;

/**
 * Which tables may group a ranking of the main table's rows by one of their columns ("which product line has had the
 * most claims", "the top 2 dog breeds by number of appointments"): those each row of the main table points at, along
 * its foreign keys, directly or through one table between. Joined that way every counted row meets exactly one group,
 * so a count of the joined rows counts the main table's rows, never a row twice.
 */
final class GroupedRanking {

    private GroupedRanking() {
    }

    /** True when every row of the intent's main table belongs to exactly one row of {@code other}. */
    static boolean owns(Intent intent, TableSchema other) {
        if (other.equals(intent.table)) {
            return false;
        }
        List<Schema.Join> path = Schema.path(intent.tables, intent.table, other).orElse(List.of());
        TableSchema at = intent.table;
        for (Schema.Join j : path) {
            if (!j.owner().equals(at)) {
                return false;  // the step brings in rows pointing back: a counted row would meet several groups
            }
            at = j.target();
        }
        return !path.isEmpty();
    }

    /**
     * True when each row of {@code other} belongs to one row of the intent's main table, along foreign keys pointing
     * back at it, directly or through one table between (the claims of a policyholder's policies): summed or counted
     * per row of the main table, each of them is counted once.
     */
    static boolean belongs(Intent intent, TableSchema other) {
        List<Schema.Join> path = Schema.path(intent.tables, intent.table, other).orElse(List.of());
        TableSchema at = intent.table;
        for (Schema.Join j : path) {
            if (!Schema.fansOut(j, at)) {
                return false;
            }
            at = Schema.other(j, at);
        }
        return !path.isEmpty();
    }

    /**
     * "which city has had the most viewings" (the city of the property a viewing's listing is of): the column the word at
     * {@code at} names in the one table the main table's rows belong to along their keys, however far, when no nearer
     * reading placed it; empty when none or several such tables have it.
     */
    static java.util.Optional<Col> ownedColumn(IntentParser p, int at) {
        Mention m = p.mentionAt(at);
        if (m == null) {
            return java.util.Optional.empty();
        }
        List<Col> cols = m.of(Term.Kind.COLUMN).stream().map(Term::column)
                .filter(c -> owns(p.intent(), c.table())).distinct().toList();
        return cols.stream().map(Col::table).distinct().count() == 1 ? java.util.Optional.of(cols.getFirst())
                : java.util.Optional.empty();
    }

    /**
     * "course offerings", "order lines": a table named right after another whose rows point at it names its own rows
     * (the offerings of a course), so those are what is counted; empty when the next word names no such table.
     */
    static java.util.Optional<Term> compound(IntentParser p, int at, Term first) {
        Mention next = p.mentionAt(p.mentionAt(at).end());
        if (first.kind() != Term.Kind.TABLE || next == null || p.used(next.start())) {
            return java.util.Optional.empty();
        }
        Term second = Resolution.resolve(next, p.intent().table).getFirst();
        boolean points = second.kind() == Term.Kind.TABLE && !second.table().equals(first.table())
                && second.table().foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(first.table().name()));
        return points ? java.util.Optional.of(second) : java.util.Optional.empty();
    }

    /**
     * The one table whose rows point at the main table's and whose name begins as the verb at {@code verb} does
     * ("rented" and rentals, "booked" and bookings): what the verb did to each row. Empty when none or several fit.
     */
    static java.util.Optional<TableSchema> verbed(IntentParser p, int verb) {
        String word = p.token(verb).word();
        if (word.length() < 5 || !word.endsWith("ed")) {
            return java.util.Optional.empty();
        }
        String stem = Stem.of(word);
        TableSchema main = p.intent().table;
        List<TableSchema> fits = p.intent().tables.stream().filter(t -> !t.equals(main))
                .filter(t -> Schema.join(main, t).map(j -> Schema.fansOut(j, main)).orElse(false))
                .filter(t -> stem.length() >= 4 && Words.of(t.name()).getLast().startsWith(stem))
                .toList();
        return fits.size() == 1 ? java.util.Optional.of(fits.getFirst()) : java.util.Optional.empty();
    }
}
