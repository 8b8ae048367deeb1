package io.dbchat.translator.offline;

import java.util.Optional;

/**
 * "the most red cards", "the fewest attended bookings", "the most cancelled orders": between a ranking word and the
 * table whose rows it counts stands a word naming a kind of those rows, a value stored in one of their columns or one
 * of their flags. The rows counted are that table's; the word is left to the readers of conditions, which make it their
 * filter, so only the rows of that kind are counted.
 */
final class CountedKind {

    private CountedKind() {
    }

    /**
     * The table named right after the word at {@code at}, when that word is a stored value or a flag of that table
     * and not itself a table's name; empty otherwise.
     */
    static Optional<Term> tableAfter(IntentParser p, int at) {
        Mention kind = p.mentionAt(at);
        if (kind == null || p.used(at) || kind.start() != at || kind.names(Term.Kind.TABLE)) {
            return Optional.empty();
        }
        Mention next = p.mentionAt(kind.end());
        if (next == null || p.used(next.start())) {
            return Optional.empty();
        }
        // the table the next word names, even where the word also fits a column ("bookings" and booked_at)
        return next.of(Term.Kind.TABLE).stream()
                .filter(rows -> !rows.table().equals(p.intent().table) && rows.weight() >= 0.6)
                .filter(rows -> kind.candidates().stream().anyMatch(c -> c.table().equals(rows.table())
                        && (c.kind() == Term.Kind.VALUE || c.kind() == Term.Kind.COLUMN && c.column().isBoolean())))
                .findFirst();
    }
}
