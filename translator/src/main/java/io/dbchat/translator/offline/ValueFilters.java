package io.dbchat.translator.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Filters on stored values, written with the stored spelling: "on hold" → {@code status = 'On Hold'},
 * "open or blocked" → {@code IN ('Open', 'Blocked')}, "not done" → {@code <> 'Done'}; the column's own word
 * next to the value ("High priority") is part of it.
 */
final class ValueFilters {

    private final IntentParser p;

    ValueFilters(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        List<Term> pending = new ArrayList<>();
        int pendingEnd = -1;
        boolean negated = false;
        for (int i = 0; i < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i);
            if (m == null || m.start() != i || p.used(i)) {
                continue;
            }
            Term t = namedRow(m).orElse(Resolution.resolve(m, p.intent().table).getFirst());
            if (t.kind() != Term.Kind.VALUE || !p.usable(t.table())) {
                continue;
            }
            if (ValueDoubts.idiom(p, m, t)) {
                continue;
            }
            Optional<Col> verbOf = verbOfDate(i, t);
            if (verbOf.isPresent()) {
                p.use(i, i + 1);
                int not = p.is(i - 1, "not", "never") ? i - 1 : p.is(i - 2, "not", "never") ? i - 2 : -1;
                if (not >= 0 && !p.used(not) && verbOf.get().table().equals(p.intent().table) && verbOf.get().column().nullable()) {
                    p.intent().filter(verbOf.get(), "%1$s IS NULL");  // "orders that have not shipped yet"
                    p.use(not, not + 1);
                    p.use(i + 1, p.is(i + 1, "yet") ? i + 2 : i + 1);
                }
                continue;
            }
            boolean continues = !pending.isEmpty() && pending.getLast().column().equals(t.column())
                    && onlyConnectives(pendingEnd, i);
            if (!continues) {
                flushValues(pending, negated);
                pending.clear();
                negated = isNegated(i);
                if (!negated && t.table().equals(p.intent().table)) {
                    // "sailings that weren't cancelled": a denial of the rows' own state (another table's is asked about)
                    int denial = Denials.of(p, i);
                    negated = denial >= 0;
                    if (negated) {
                        Denials.use(p, denial);
                    }
                }
            }
            ValueDoubts.check(p, m, t);
            pending.add(spelled(m, t));
            pendingEnd = m.end();
            p.use(m.start(), m.end());
            useColumnWordNear(m, t.column());
        }
        flushValues(pending, negated);
    }

    /**
     * "tickets opened by Nordwind", "has opened the most tickets": a past participle used as the verb of a date
     * column of the value's table (opened_at), not the state its stem names (status 'open').
     */
    private Optional<Col> verbOfDate(int i, Term t) {
        String word = p.token(i).lower();
        if (!word.endsWith("ed") || !(afterHave(i) || p.is(i + 1, "by", "most") || p.is(i + 1, "the") && p.is(i + 2, "most"))) {
            return Optional.empty();
        }
        return Schema.visible(t.table()).stream().filter(Col::isDate)
                .filter(c -> c.words().getFirst().equals(word)).findFirst();
    }

    /** "has opened", "has each account opened": a form of "have" shortly before, with no form of "be" between. */
    private boolean afterHave(int i) {
        for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
            if (p.is(j, "is", "are", "was", "were", "been", "be", "being")) {
                return false;
            }
            if (p.is(j, "has", "have", "had")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "the Pro plan": a value that is the name of a row of the table named beside it reads as that name, even where
     * another column of that table holds the same word (a tier 'pro').
     */
    private Optional<Term> namedRow(Mention m) {
        return m.candidates().stream().filter(c -> c.kind() == Term.Kind.VALUE && !c.table().equals(p.intent().table)
                && Schema.labels(c.table()).contains(c.column())
                && (namesTableOf(m.end(), c.column()) || namesTableOf(m.start() - 1, c.column()))).findFirst();
    }

    /**
     * Among stored values of one column that read as the same words ('O+' and 'O-'), the one the question spells out;
     * when it spells none, the first, stated as an assumption.
     */
    private Term spelled(Mention m, Term t) {
        List<Term> alike = m.candidates().stream().filter(c -> c.kind() == Term.Kind.VALUE && c.column().equals(t.column())
                && c.words().equals(t.words())).toList();
        if (alike.size() < 2) {
            return t;
        }
        String asked = p.question().toLowerCase(java.util.Locale.ROOT);
        List<String> spelled = alike.stream().map(c -> c.value().toLowerCase(java.util.Locale.ROOT)).filter(asked::contains).toList();
        // 'B' is spelled inside 'B+': only the longest spelling the question holds counts
        List<Term> typed = alike.stream().filter(c -> {
            String v = c.value().toLowerCase(java.util.Locale.ROOT);
            return spelled.contains(v) && spelled.stream().noneMatch(o -> o.length() > v.length() && o.contains(v));
        }).toList();
        if (typed.size() == 1) {
            return typed.getFirst();
        }
        p.assume("'" + p.tokens().get(m.start()).raw() + "' read as " + t.column().name() + " = '" + t.value() + "', not "
                + String.join(" or ", alike.stream().filter(c -> c != t).map(c -> "'" + c.value() + "'").toList()));
        return t;
    }

    private boolean onlyConnectives(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!p.is(i, "or", "and", "nor", "either")) {
                return false;
            }
            p.use(i, i + 1);
        }
        return true;
    }

    private boolean isNegated(int i) {
        for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
            if (p.is(j, "not", "non", "except", "excluding", "outside", "isn't", "aren't")) {
                p.use(j, j + 1);
                return true;
            }
            if (p.is(j, "other") && p.is(j + 1, "than")) {
                p.use(j, j + 2);
                return true;
            }
        }
        return false;
    }

    /**
     * "High priority", "status Done", "in the Engineering department", "the Seaview hotel": the column's word, or the
     * name of the table whose label the value is, is part of the value.
     */
    private void useColumnWordNear(Mention value, Col column) {
        for (int i : new int[] {value.end(), value.end() + 1, value.start() - 1, value.start() - 2}) {
            if (i >= 0 && i < p.tokens().size() && !p.used(i) && (p.columnsAt(i).contains(column) || namesTableOf(i, column))) {
                p.use(p.mentionAt(i).start(), p.mentionAt(i).end());
                return;
            }
        }
    }

    private boolean namesTableOf(int i, Col column) {
        return !column.table().equals(p.intent().table) && Schema.labels(column.table()).contains(column)
                && p.termAt(i).map(t -> t.kind() == Term.Kind.TABLE && t.table().equals(column.table())).orElse(false);
    }

    private void flushValues(List<Term> values, boolean negated) {
        if (values.isEmpty()) {
            return;
        }
        Col col = values.getFirst().column();
        List<String> unfit = values.stream().map(Term::value).filter(v -> !Sql.fits(v, col)).toList();
        if (!unfit.isEmpty()) {
            p.clarify("'" + unfit.getFirst() + "' cannot be a value of " + col.name() + ".");
            return;
        }
        List<String> literals = values.stream().map(v -> Sql.literal(v.value(), col)).distinct().toList();
        String template = literals.size() == 1
                ? "%1$s " + (negated ? "<>" : "=") + " " + literals.getFirst()
                : "%1$s " + (negated ? "NOT IN" : "IN") + " (" + String.join(", ", literals) + ")";
        p.intent().filter(col, template);
    }
}
