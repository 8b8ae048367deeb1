package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * Conditions beyond numbers and dates: NULL tests ("without an assignee", "who have left"), flags
 * ("billable", "non-billable") and labels ("project Apollo", "team 'Mobile'", "named Apollo").
 */
final class Conditions {

    private final IntentParser p;
    private final Comparisons comparisons;

    Conditions(IntentParser parser, Comparisons comparisons) {
        this.p = parser;
        this.comparisons = comparisons;
    }

    void nulls() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i)) {
                continue;
            }
            boolean without = p.is(i, "without", "missing", "lacking") || p.is(i, "no") && p.is(i - 1, "with", "has", "have", "had")
                    || p.is(i, "not", "never", "unknown");
            boolean with = p.is(i, "with", "has", "have", "had", "been", "were", "was", "are", "is", "who", "that");
            if (!without && !with) {
                continue;
            }
            int at = p.skip(i + 1, "a", "an", "any", "the", "their", "its", "yet", "been", "set", "no");
            for (int k = i + 1; k < at; k++) {
                without |= p.is(k, "no");  // "have no email", "has no room"
            }
            List<Col> cols = p.tokens().size() > at && !p.used(at) ? p.columnsAt(at) : List.of();
            Optional<Col> col = cols.stream().filter(c -> c.column().nullable() && c.expression() == null
                    && c.table().equals(p.intent().table) && !c.isBoolean()).findFirst();
            if (col.isPresent() && (without || (!comparisons.followsComparison(p.mentionAt(at).end()) && tellsPresence(col.get())))) {
                p.intent().filter(col.get(), without ? "%1$s IS NULL" : "%1$s IS NOT NULL");
                p.use(i, p.mentionAt(at).end());
            }
        }
    }

    /** "with a manager" is a condition only for columns that say whether something happened or exists. */
    private static boolean tellsPresence(Col col) {
        return col.isDate() || col.isKey() || col.isText();
    }

    /** "project Apollo", "team 'Mobile'", "named Apollo": a table followed by the literal of its label. */
    void labels() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i) && !(p.mentionAt(i) != null && p.mentionAt(i).names(Term.Kind.TABLE))) {
                continue;
            }
            TableSchema owner = labelOwner(i);
            if (owner == null) {
                continue;
            }
            int start = p.skip(p.mentionAt(i) == null ? i + 1 : p.mentionAt(i).end(), "named", "called");
            int end = start;
            while (end < p.tokens().size() && !p.used(end) && (p.tokens().get(end).quoted()
                    || p.tokens().get(end).isCapitalized() && isFreeWord(end) && !Stopwords.is(p.tokens().get(end).word()))) {
                end++;
                if (p.tokens().get(end - 1).quoted()) {
                    break;
                }
            }
            if (end > start) {
                String literal = String.join(" ", p.tokens().subList(start, end).stream().map(Token::raw).toList());
                Col label = Schema.labels(owner).getFirst();
                p.intent().filter(label, "%1$s = " + Sql.literal(literal, label));
                p.use(i, end);
            }
        }
    }

    /** A word that names nothing in the schema, or only a sampled value ("Bank" near "Banking"). */
    private boolean isFreeWord(int i) {
        Mention m = p.mentionAt(i);
        return m == null || m.candidates().stream().allMatch(t -> t.kind() == Term.Kind.VALUE && !t.isDeclaredValue());
    }

    private TableSchema labelOwner(int i) {
        if (p.is(i, "named", "called")) {
            return p.intent().table;
        }
        Mention m = p.mentionAt(i);
        if (m == null || m.start() != i) {
            return null;
        }
        Term t = Resolution.resolve(m, p.intent().table).getFirst();
        return t.kind() == Term.Kind.TABLE && p.usable(t.table()) ? t.table() : null;
    }

    void booleans() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i)) {
                continue;
            }
            Optional<Col> flag = p.columnsAt(i).stream().filter(Col::isBoolean).findFirst();
            if (flag.isPresent()) {
                boolean negated = p.is(i - 1, "not", "non", "no") || p.tokens().get(i).lower().startsWith("un");
                p.intent().filter(flag.get(), negated ? "NOT %1$s" : "%1$s");
                p.use(p.mentionAt(i).start(), p.mentionAt(i).end());
                if (negated) {
                    p.use(i - 1, i);
                }
            }
        }
    }
}
