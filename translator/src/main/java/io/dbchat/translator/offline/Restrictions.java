package io.dbchat.translator.offline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Words that restrict the rows to a state without naming a column, read through the catalog's dates when no stored
 * value says it: "upcoming"/"future" rows have their date after now, "past" ones before; "open", "unresolved",
 * "ongoing" rows have no end date yet ("tickets still open": closed_at IS NULL), and "active"/"current" rows have no
 * end date now or later ("active accounts": churned_at IS NULL OR churned_at > now()). Runs after the stored values
 * and flags had their turn; a word it cannot map stays unread, and {@link WordAccount} asks back for it.
 */
final class Restrictions {

    private static final Set<String> AHEAD = Set.of("upcoming", "future", "forthcoming");
    private static final Set<String> BEHIND = Set.of("past");
    private static final Set<String> OPEN = Set.of("open", "unresolved", "ongoing", "outstanding", "unfinished");
    private static final Set<String> ACTIVE = Set.of("active", "current");
    /** Words of a date column that ends a row's open or active state. */
    static final Set<String> ENDS = Set.of("end", "ended", "ends", "closed", "close", "resolved", "finished",
            "completed", "churned", "cancelled", "canceled", "terminated", "left", "resigned", "discharged", "returned",
            "archived", "deleted", "expired", "expires", "expiry", "until", "deactivated", "stopped", "retired");
    /** Words of a date column that records the row rather than the event it stands for. */
    static final Set<String> BOOKKEEPING = Set.of("created", "updated", "modified", "registered", "signed",
            "inserted", "added", "birth", "born");

    private final IntentParser p;

    Restrictions(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i)) {
                continue;
            }
            String word = p.token(i).lower();
            Optional<Col> read = AHEAD.contains(word) ? when(">") : BEHIND.contains(word) && namesTheRows(i + 1) ? when("<")
                    : OPEN.contains(word) ? ended(false) : ACTIVE.contains(word) ? ended(true) : Optional.empty();
            if (read.isPresent()) {
                p.assume("'" + p.token(i).raw() + "' read as " + p.intent().filters.getLast().said());
                p.use(i, i + 1);
                if (p.is(i - 1, "still", "currently") && !p.used(i - 1)) {
                    p.use(i - 1, i);  // "still open": the word only stresses the state
                }
            }
        }
    }

    /** "past matches", "past concerts": the word stands before the rows it qualifies ("the past 7 days" is a period). */
    private boolean namesTheRows(int i) {
        return p.mentionAt(i) != null && (p.mentionAt(i).names(Term.Kind.TABLE) || p.mentionAt(i).names(Term.Kind.VALUE));
    }

    /** The row's date compared with now: a moment with now(), a day with today (today's rows are still ahead). */
    private Optional<Col> when(String op) {
        Optional<Col> date = eventDate();
        boolean ahead = op.equals(">");
        date.ifPresent(d -> p.intent().filter(d, d.isTimestamp() ? "%1$s " + op + " now()" : "%1$s " + (ahead ? ">=" : "<") + " current_date",
                null, d.name() + (d.isTimestamp() ? ahead ? " after now" : " before now" : ahead ? " from today on" : " before today")));
        return date;
    }

    /** No end date set ({@code orLater}: or set in the future, as a subscription that ends next month is active). */
    private Optional<Col> ended(boolean orLater) {
        List<Col> ends = OrmColumns.businessEnds(Schema.visible(p.intent().table).stream()
                .filter(c -> c.isDate() && c.column().nullable() && c.words().stream().anyMatch(ENDS::contains))
                .toList());
        if (ends.size() != 1) {
            return Optional.empty();  // none, or several that would each say something else
        }
        Col end = ends.getFirst();
        String later = end.isTimestamp() ? "now()" : "current_date";
        p.intent().filter(end, orLater ? "(%1$s IS NULL OR %1$s > " + later + ")" : "%1$s IS NULL", null,
                end.name() + (orLater ? " empty or later than " + (end.isTimestamp() ? "now" : "today") : " empty"));
        return Optional.of(end);
    }

    /** The date a row happens on: the main table's first date that neither ends it nor records it. */
    private Optional<Col> eventDate() {
        return Schema.visible(p.intent().table).stream().filter(Col::isDate)
                .filter(c -> c.words().stream().noneMatch(w -> ENDS.contains(w) || BOOKKEEPING.contains(w)))
                .findFirst();
    }
}
