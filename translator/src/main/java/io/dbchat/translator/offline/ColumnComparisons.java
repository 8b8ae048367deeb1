package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One column of a row against another, named where a number or a date would stand: "paid after their due date",
 * "joined before their branch opened", "sold below the product's list price", "more seats than their plan includes".
 * The column after the cue is the one compared with: of the row itself, or of a row it points at (never of rows
 * pointing back, which would compare with any of several). The column before the cue is the one named there (a date's
 * verb, "paid"), else, stated as an assumption, the row's only column of that kind or the one that shares the other's
 * name ("price" and unit_price).
 */
final class ColumnComparisons {

    private enum Kind { DATE, NUMBER }

    /** A comparison cue from {@code from} to {@code to} (exclusive), its operator and what it compares. */
    private record Cue(int from, int to, String op, Kind kind, int between) {
    }

    /** Words that may stand between a related table and the column of it compared with: "their clinic even opened". */
    private static final java.util.Set<String> FILLERS = java.util.Set.of("had", "has", "have", "was", "were", "is", "are",
            "been", "even", "already", "first", "got", "being", "its", "their", "s");

    private final IntentParser p;

    ColumnComparisons(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i)) {
                continue;
            }
            Cue cue = cueAt(i);
            if (cue != null) {
                compare(cue);
            }
        }
    }

    private Cue cueAt(int i) {
        if (p.is(i, "after", "before") && !p.is(i - 1, "look", "looks", "looked", "looking", "day", "days")) {
            return new Cue(i, i + 1, p.is(i, "after") ? ">" : "<", Kind.DATE, -1);
        }
        if (p.is(i, "later", "earlier", "sooner") && p.is(i + 1, "than")) {
            return new Cue(i, i + 2, p.is(i, "later") ? ">" : "<", Kind.DATE, -1);
        }
        // "on a later day than they started": the unit of time between the cue and "than" says nothing more
        if (p.is(i, "later", "earlier") && p.is(i + 1, "day", "date", "time") && p.is(i + 2, "than")) {
            return new Cue(p.is(i - 1, "a", "an") && p.is(i - 2, "on") ? i - 2 : i, i + 3, p.is(i, "later") ? ">" : "<", Kind.DATE, -1);
        }
        String word = p.token(i).lower();
        boolean greater = Cues.GREATER.contains(word);
        if (!greater && !Cues.LESS.contains(word) || p.is(i, "older", "younger", "longer", "shorter")) {
            return null;
        }
        boolean negated = p.is(i - 1, "not", "no") && !p.used(i - 1);
        String op = negated ? (greater ? "<=" : ">=") : (greater ? ">" : "<");
        int from = negated ? i - 1 : i;
        if (p.is(i + 1, "than")) {
            return new Cue(from, i + 2, op, Kind.NUMBER, -1);
        }
        // "more seats than their plan includes": the column compared stands between the cue and "than"
        Mention m = p.mentionAt(i + 1);
        if (m != null && m.start() == i + 1 && p.is(m.end(), "than")) {
            return new Cue(from, m.end() + 1, op, Kind.NUMBER, i + 1);
        }
        // "sold below list price", "an offer above the top": only "over", "above", "under", "below" stand alone
        return p.is(i, "over", "above", "under", "below") ? new Cue(from, i + 1, op, Kind.NUMBER, -1) : null;
    }

    private void compare(Cue cue) {
        Predicate<Col> fit = cue.kind() == Kind.DATE ? Col::isDate
                : c -> c.isNumeric() && !c.isKey() && c.expression() == null;
        int at = p.skip(cue.to(), "the", "their", "its", "his", "her", "a", "an", "what");
        if (at >= p.tokens().size() || p.used(at) || p.token(at).isNumber() || p.token(at).isYear() || p.token(at).isDate()) {
            return;
        }
        Optional<Col> left = cue.between() >= 0 ? columnAt(cue.between(), fit, null) : Optional.empty();
        Optional<Side> right = Clauses.side(p, at, fit, left.orElse(null));
        if (right.isEmpty()) {
            right = other(at, fit, left.orElse(null));
        }
        if (right.isEmpty()) {
            return;
        }
        Col other = right.get().column();
        boolean assumed = false;
        if (left.isEmpty()) {
            left = before(cue.from(), fit, other);
        }
        int verb = -1;
        if (left.isEmpty()) {
            verb = Clauses.verbBefore(p, cue.from());
            left = only(fit, other).or(() -> Clauses.eventOfVerb(p, cue.from(), fit, other));
            assumed = left.isPresent();
        }
        if (left.isEmpty() || left.get().equals(other) || !left.get().table().equals(p.intent().table)) {
            return;
        }
        Clauses.useVerbOf(p, cue.from(), left.get(), verb);
        p.intent().filter(left.get(), "%1$s " + cue.op() + " %2$s", other);
        p.use(cue.from(), cue.to());
        p.use(at, right.get().end());
        if (cue.between() >= 0) {
            p.use(cue.between(), p.mentionAt(cue.between()).end());
        }
        if (assumed || right.get().assumed()) {
            p.assume("'" + words(verb >= 0 ? verb : cue.from(), right.get().end()) + "' read as " + left.get().name() + " " + cue.op() + " "
                    + other.table().name() + "." + other.name());
        }
    }

    /** The column compared with and where its words end; {@code assumed} when it was the related row's only one. */
    record Side(Col column, int end, boolean assumed) {
    }

    /**
     * The column named at {@code at}: of the row itself or of a row it points at ("their due date", "the list price"), or
     * a related table named there followed by a column of it ("their clinic even opened"), or that table's only one.
     */
    private Optional<Side> other(int at, Predicate<Col> fit, Col left) {
        Mention m = p.mentionAt(at);
        Optional<TableSchema> table = tableAt(at);
        if (table.isPresent() && !table.get().equals(p.intent().table)) {
            int k = m == null ? at + 1 : m.end();
            while (k < p.tokens().size() && !p.used(k) && FILLERS.contains(p.token(k).lower())) {
                k++;
            }
            Optional<Col> named = columnAt(k, fit.and(c -> c.table().equals(table.get())), left);
            if (named.isPresent()) {
                return Optional.of(new Side(named.get(), generic(p.mentionAt(k).end()), false));
            }
            // "after their campaign had ended": the verb of the related row's date, met by its stem (ends_on)
            Optional<Col> verbed = p.mentionAt(k) == null && pointedAt(table.get())
                    ? Clauses.named(p, table.get(), k, fit, left) : Optional.empty();
            if (verbed.isPresent()) {
                return Optional.of(new Side(verbed.get(), k + 1, false));
            }
            // "before their branch even opened" with no word for the date: the branch's only date, unless a word
            // follows that may name another event ("after the member moved")
            boolean unread = k < p.tokens().size() && !p.used(k) && !Stopwords.is(p.token(k).word());
            List<Col> only = Schema.visible(table.get()).stream().filter(fit).toList();
            return only.size() == 1 && !unread && pointedAt(table.get())
                    ? Optional.of(new Side(only.getFirst(), k, true)) : Optional.empty();
        }
        if (m == null || m.start() != at) {
            return Optional.empty();
        }
        return columnAt(at, fit, left).map(c -> new Side(c, generic(m.end()), false));
    }

    /** Past a word that only says what kind of value was named: "their due date", "the promised day". */
    private int generic(int end) {
        return p.is(end, "date", "day", "time", "amount", "value", "figure") && !p.used(end) && p.mentionAt(end) == null ? end + 1 : end;
    }

    /** A related table the word at {@code at} names, with or without "'s" ("the event's base price"). */
    private Optional<TableSchema> tableAt(int at) {
        Mention m = p.mentionAt(at);
        if (m != null && m.start() == at) {
            Term t = Resolution.resolve(m, p.intent().table).getFirst();
            return t.kind() == Term.Kind.TABLE && t.weight() >= 0.6 ? Optional.of(t.table()) : Optional.empty();
        }
        String raw = p.token(at).lower().replace('\u2019', '\'');
        if (m != null || !raw.endsWith("'s")) {
            return Optional.empty();
        }
        String owner = raw.substring(0, raw.length() - 2);
        List<TableSchema> named = p.intent().tables.stream()
                .filter(t -> Words.singular(Words.of(t.name()).getLast()).equals(Words.singular(owner))).toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    /** A fitting column the mention at {@code k} may name, other than {@code not}, of a row each row has one of. */
    private Optional<Col> columnAt(int k, Predicate<Col> fit, Col not) {
        Mention m = p.mentionAt(k);
        if (m == null || m.start() != k || p.used(k)) {
            return Optional.empty();
        }
        return m.candidates().stream().filter(t -> t.kind() == Term.Kind.COLUMN).map(Term::column)
                .filter(fit).filter(c -> !c.equals(not) && pointedAt(c.table())).findFirst();
    }

    /** True for the main table and the tables its rows point at, each row to one: a comparison with one value. */
    private boolean pointedAt(TableSchema t) {
        if (t.equals(p.intent().table)) {
            return true;
        }
        Optional<List<Schema.Join>> path = Schema.path(p.intent().tables, p.intent().table, t);
        if (path.isEmpty()) {
            return false;
        }
        TableSchema at = p.intent().table;
        for (Schema.Join j : path.get()) {
            if (Schema.fansOut(j, at)) {
                return false;
            }
            at = Schema.other(j, at);
        }
        return true;
    }

    /** The main table's column named in the five words before the cue ("paid after", "delivered later than"). */
    private Optional<Col> before(int cue, Predicate<Col> fit, Col other) {
        for (int k = cue - 1; k >= Math.max(0, cue - 5); k--) {
            Mention m = p.mentionAt(k);
            if (m == null || p.used(k)) {
                continue;
            }
            Optional<Col> c = m.candidates().stream().filter(t -> t.kind() == Term.Kind.COLUMN).map(Term::column)
                    .filter(fit).filter(col -> !col.equals(other) && col.table().equals(p.intent().table)).findFirst();
            if (c.isPresent()) {
                p.use(m.start(), m.end());
                return c;
            }
        }
        return Optional.empty();
    }

    /**
     * The main table's column when none is named: its only one of the kind, or the only one sharing a word of the
     * other's name ("sold below the list price": unit_price against list_price).
     */
    private Optional<Col> only(Predicate<Col> fit, Col other) {
        List<Col> own = Schema.visible(p.intent().table).stream().filter(fit).filter(c -> !c.equals(other)).toList();
        if (own.size() == 1) {
            return Optional.of(own.getFirst());
        }
        List<String> words = other.words();
        List<Col> sharing = own.stream().filter(c -> c.words().stream().anyMatch(words::contains)).toList();
        return sharing.size() == 1 ? Optional.of(sharing.getFirst()) : Optional.empty();
    }

    private String words(int from, int to) {
        return String.join(" ", p.tokens().subList(from, Math.min(to, p.tokens().size())).stream().map(Token::raw).toList());
    }
}
