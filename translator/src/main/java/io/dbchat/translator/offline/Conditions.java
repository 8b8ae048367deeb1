package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
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
            boolean article = p.is(at - 1, "a", "an", "any");
            if (col.isEmpty() && (without || article) && at < p.tokens().size() && !p.used(at)) {
                col = referenceTo(at);
            }
            if (col.isPresent() && (without || (!comparisons.followsComparison(p.mentionAt(at).end()) && tellsPresence(col.get())))) {
                p.intent().filter(col.get(), without ? "%1$s IS NULL" : "%1$s IS NOT NULL");
                p.use(i, p.mentionAt(at).end());
            }
        }
    }

    /** "players without a club": the main table's own nullable reference to the table named at {@code at}. */
    private Optional<Col> referenceTo(int at) {
        Optional<Term> named = p.termAt(at).filter(t -> t.kind() == Term.Kind.TABLE && !t.table().equals(p.intent().table));
        if (named.isEmpty() || p.mentionAt(at).start() != at) {
            return Optional.empty();
        }
        TableSchema main = p.intent().table;
        List<Col> refs = main.foreignKeys().stream()
                .filter(fk -> fk.refTable().equals(named.get().table().name()) && fk.columns().size() == 1)
                .flatMap(fk -> main.column(fk.columns().getFirst()).stream())
                .filter(c -> c.nullable()).map(c -> Col.of(main, c)).toList();
        return refs.size() == 1 ? Optional.of(refs.getFirst()) : Optional.empty();
    }

    private static final java.util.Set<String> NEGATIONS = java.util.Set.of("no", "not", "never", "without", "nobody", "none",
            "haven't", "hasn't", "hadn't", "didn't", "don't", "doesn't", "weren't", "wasn't", "aren't", "isn't");
    private static final java.util.Set<String> SOME = java.util.Set.of("a", "an", "any", "some", "one");

    /**
     * "clients with an invoice", "members who have never borrowed a book", "customers without any orders", "courses
     * nobody enrolled in" aside: a related table whose rows point at the main table's (directly or through a table
     * between), named after an article or a have/with, is a test that such rows exist; a negation before it, that
     * none do. Written as EXISTS, so each main row counts once.
     */
    void exists() {
        for (int i = 1; i < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i) != null ? p.mentionAt(i) : StemTables.denied(p, i, this::negation).orElse(null);
            if (m == null || m.start() != i || p.used(i)) {
                continue;
            }
            Term t = Resolution.resolve(m, p.intent().table).getFirst();
            if (t.kind() != Term.Kind.TABLE && negation(i - 1) && !p.is(i - 1, "no", "without", "none") && !p.used(i - 1)) {
                Optional<Term> rows = verbOfRelatedRows(m);
                if (rows.isPresent() && Unsettled.objectAt(p, m.end(), rows.get().table())) {
                    continue;  // "haven't paid their invoices", "never paid an invoice": read at the invoices
                }
                t = rows.orElse(t);
            }
            if (t.kind() != Term.Kind.TABLE || t.table().equals(p.intent().table)) {
                continue;
            }
            Optional<List<Schema.Join>> path = Schema.path(p.intent().tables, p.intent().table, t.table());
            if (path.isEmpty() || path.get().isEmpty() || !Schema.fansOut(path.get().getFirst(), p.intent().table)) {
                continue;
            }
            int from = i;
            boolean some = false;
            while (from > 0 && (p.is(from - 1, "a", "an", "any", "some", "one", "least", "at") && !p.used(from - 1))) {
                some |= SOME.contains(p.token(from - 1).lower());
                from--;
            }
            boolean owned = p.is(from - 1, "have", "has", "had", "with") && !p.used(from - 1);
            int negation = -1;
            for (int k = from - 1; k >= Math.max(0, from - 4); k--) {
                if (negation(k) && !p.used(k)) {
                    negation = k;
                    break;
                }
            }
            if (negation < 0 && !some && !owned) {
                continue;
            }
            if (negation >= 0 && new Unsettled(p, this).read(negation, from, m, t.table(), path.get())) {
                continue;
            }
            List<String> conditions = negation >= 0 ? new ArrayList<>(between(negation + 1, from, t.table(), path.get().size())) : List.of();
            if (negation >= 0) {
                conditions.addAll(stateAfter(m.end(), t.table(), path.get().size()));
            }
            String subquery = existsQuery(path.get(), conditions);
            Col key = Col.of(p.intent().table, p.intent().table.column(path.get().getFirst().key().refColumns().getFirst()).orElseThrow());
            p.intent().filter(key, (negation >= 0 ? "NOT " : "") + subquery, null,
                    (negation >= 0 ? "with no " : "with ") + t.table().name());
            p.use(negation >= 0 ? negation : from, negation >= 0 ? negation + 1 : m.end());
            p.use(from, m.end());
            if (owned) {
                p.use(from - 1, from);
            }
            if (negation >= 0) {
                objectOf(m.end(), t.table());
            }
        }
    }

    /** A word that denies, typed with either apostrophe ("haven't", "haven’t"). */
    private boolean negation(int k) {
        return p.token(k) != null && NEGATIONS.contains(p.token(k).lower().replace('\u2019', '\''));
    }

    /** Words that may stand between a negation and the related rows it denies: "never had a single", "not yet any". */
    private static final java.util.Set<String> FILLERS = java.util.Set.of("have", "has", "had", "ever", "a", "an", "any",
            "single", "did", "do", "does", "yet", "been", "one", "even");

    /**
     * The conditions on the denied rows named between the negation and their table ("never had a <em>delivery</em>
     * order": {@code x1.channel = 'delivery'}). A verb there is read with the rows ("never placed an order"); a decisive
     * word ("no upcoming classes") is asked about and another table's value left unread, so the translator asks back
     * rather than deny every such row.
     */
    private List<String> between(int from, int to, TableSchema related, int depth) {
        List<String> out = new ArrayList<>();
        for (int k = from; k < to; k++) {
            if (p.used(k)) {
                continue;
            }
            if (FILLERS.contains(p.token(k).lower())) {
                p.use(k, k + 1);
                continue;
            }
            Mention v = p.mentionAt(k);
            Optional<Term> value = v == null ? Optional.empty() : v.of(Term.Kind.VALUE).stream()
                    .filter(c -> c.table().equals(related) && c.column().expression() == null).findFirst();
            Optional<Term> event = v == null ? Optional.empty() : v.of(Term.Kind.COLUMN).stream()
                    .filter(c -> c.table().equals(related) && c.column().isDate() && c.column().column().nullable()).findFirst();
            if (value.isPresent()) {
                out.add("x" + depth + "." + Sql.ident(value.get().column().column().name()) + " = "
                        + Sql.literal(value.get().value(), value.get().column()));
                p.use(v.start(), v.end());
                k = v.end() - 1;
            } else if (event.isPresent()) {
                // "never paid an invoice": no invoice whose date of paying is set
                out.add("x" + depth + "." + Sql.ident(event.get().column().column().name()) + " IS NOT NULL");
                p.use(v.start(), v.end());
                k = v.end() - 1;
            } else if (WordAccount.decisive(p.token(k))) {
                p.decisive(k);  // "no upcoming classes": read elsewhere it would restrict the wrong rows
            } else if (v == null || !v.names(Term.Kind.VALUE)) {
                p.use(k, k + 1);
            }
        }
        return out;
    }

    /**
     * "clients who never had a job filled", "never had an order that was cancelled": a stored value of the denied rows
     * right after their table is a condition on them, inside the denial.
     */
    private List<String> stateAfter(int end, TableSchema related, int depth) {
        int at = p.skip(end, "that", "which", "was", "were", "been", "being", "is", "are");
        Mention v = p.mentionAt(at);
        if (v == null || v.start() != at || p.used(at)) {
            return List.of();
        }
        Optional<Term> value = v.of(Term.Kind.VALUE).stream()
                .filter(c -> c.table().equals(related) && c.column().expression() == null).findFirst();
        if (value.isEmpty() || Resolution.resolve(v, p.intent().table).getFirst().kind() == Term.Kind.TABLE) {
            return List.of();
        }
        p.use(end, v.end());
        return List.of("x" + depth + "." + Sql.ident(value.get().column().column().name()) + " = "
                + Sql.literal(value.get().value(), value.get().column()));
    }

    /**
     * "members who never booked a class": the table right after the denied rows that they lead to is their object,
     * read with them rather than as rows of its own that must exist.
     */
    private void objectOf(int end, TableSchema denied) {
        // "not enrolled in any course", "never applied for a job": a preposition may lead to the object
        int at = p.skip(end, "a", "an", "any", "the", "single", "in", "for", "on", "to", "at");
        Mention object = p.mentionAt(at);
        if (object == null || object.start() != at || p.used(at)) {
            return;
        }
        Term t = Resolution.resolve(object, p.intent().table).getFirst();
        // "never published a paper": the object may name the denied rows themselves
        if (t.kind() == Term.Kind.TABLE && (t.table().equals(denied)
                || Schema.join(denied, t.table()).map(j -> j.owner().equals(denied)).orElse(false))) {
            p.use(end, object.end());
        } else if (t.kind() == Term.Kind.VALUE && !t.table().equals(p.intent().table) && !t.table().equals(denied)) {
            // "never borrowed an audio book": a condition on the object, which the denial cannot hold; ask back
            p.decisive(at);
        }
    }

    /**
     * "attendees who never registered", "patients never admitted": a verb naming a date, a status or a column of a
     * table whose rows point at the main table's stands for those rows (registrations, admissions).
     */
    private Optional<Term> verbOfRelatedRows(Mention m) {
        TableSchema main = p.intent().table;
        List<TableSchema> tables = m.candidates().stream().filter(c -> c.kind() != Term.Kind.TABLE && !c.table().equals(main))
                .map(Term::table).distinct()
                .filter(t -> Schema.join(main, t).map(j -> Schema.fansOut(j, main)).orElse(false)).toList();
        // a verb that could stand for the rows of two tables stands for neither
        return tables.size() == 1 ? Optional.of(Term.table(List.of(tables.getFirst().name()), tables.getFirst(), 1.0))
                : Optional.empty();
    }

    /**
     * EXISTS over the rows the path reaches, tied to the main table's row by every column of the first key, each written
     * {@code %3$s} (the main table's alias and a dot) and its name; aliases x1, x2 stay inside.
     */
    String existsQuery(List<Schema.Join> path, List<String> conditions) {
        StringBuilder q = new StringBuilder("EXISTS (SELECT 1 FROM ");
        TableSchema at = p.intent().table;
        List<String> where = new ArrayList<>();
        for (int k = 0; k < path.size(); k++) {
            Schema.Join j = path.get(k);
            TableSchema next = Schema.other(j, at);
            String alias = "x" + (k + 1);
            q.append(k == 0 ? "" : " JOIN ").append(Sql.table(next)).append(' ').append(alias);
            String prev = k == 0 ? null : "x" + k;
            List<String> on = new ArrayList<>();
            for (int c = 0; c < j.key().columns().size(); c++) {
                // each column of a key of several ("project_id, client_id") pairs with its own referenced column
                String ownerColumn = Sql.ident(j.key().columns().get(c));
                String targetColumn = Sql.ident(j.key().refColumns().get(c));
                boolean ownerInside = j.owner().equals(next);
                if (prev == null) {
                    on.add(alias + "." + (ownerInside ? ownerColumn : targetColumn) + " = %3$s" + (ownerInside ? targetColumn : ownerColumn));
                } else {
                    on.add((ownerInside ? alias : prev) + "." + ownerColumn + " = " + (ownerInside ? prev : alias) + "." + targetColumn);
                }
            }
            if (k == 0) {
                where.addAll(on);
            } else {
                q.append(" ON ").append(String.join(" AND ", on));
            }
            at = next;
        }
        where.addAll(conditions);
        return q.append(" WHERE ").append(String.join(" AND ", where)).append(')').toString();
    }

    /** "out of stock": a quantity at zero. */
    void outOf() {
        for (int i = 0; i + 2 < p.tokens().size(); i++) {
            if (p.used(i) || !p.is(i, "out") || !p.is(i + 1, "of")) {
                continue;
            }
            Optional<Col> col = p.columnsAt(i + 2).stream().filter(c -> c.isNumeric() && !c.isKey()).findFirst();
            if (col.isPresent() && !p.used(i + 2)) {
                p.intent().filter(col.get(), "%1$s = 0");
                p.use(i, p.mentionAt(i + 2).end());
            }
        }
    }

    /** "in year 12", "level 3 or 4": a whole-number column named right before its value(s). */
    void numbered() {
        for (int i = 0; i + 1 < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i);
            if (m == null || m.start() != i || p.used(i) || !isWhole(m.end())) {
                continue;
            }
            Optional<Col> col = p.columnsAt(i).stream()
                    .filter(c -> c.isNumeric() && !c.isKey() && c.expression() == null && isInteger(c)).findFirst();
            if (col.isEmpty()) {
                continue;
            }
            List<String> values = new ArrayList<>(List.of(p.token(m.end()).raw()));
            int end = m.end() + 1;
            while (p.is(end, "or", "and") && isWhole(end + 1)) {
                values.add(p.token(end + 1).raw());
                end += 2;
            }
            int denial = Denials.of(p, i);  // "not in division 1"
            p.intent().filter(col.get(), values.size() == 1 ? "%1$s " + (denial >= 0 ? "<>" : "=") + " " + values.getFirst()
                    : "%1$s " + (denial >= 0 ? "NOT IN" : "IN") + " (" + String.join(", ", values) + ")");
            p.use(i, end);
            if (denial >= 0) {
                Denials.use(p, denial);
            }
        }
    }

    private boolean isWhole(int i) {
        Token t = p.token(i);
        return t != null && !p.used(i) && t.raw().matches("\\d{1,4}") && !p.is(i + 1, "day", "week", "month", "year", "hour", "minute");
    }

    private static boolean isInteger(Col c) {
        String type = c.column().type().toLowerCase(java.util.Locale.ROOT);
        return type.equals("integer") || type.equals("smallint") || type.equals("bigint") || type.startsWith("int");
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
                nameOf(owner, start, end);
                p.use(i, end);
            } else if (p.mentionAt(i) != null) {
                nameBefore(owner, i);
            }
        }
    }

    /**
     * The row of {@code owner} named by the words from {@code start} to {@code end}, by the stored spelling of its label
     * when the catalog published the label's values: a near match is taken and said, several or none are asked about.
     */
    private void nameOf(TableSchema owner, int start, int end) {
        String literal = String.join(" ", p.tokens().subList(start, end).stream().map(Token::raw).toList());
        Optional<Col> named = NamedRows.label(owner, p.intent().table, p.intent().tables);
        if (named.isEmpty() || !Sql.fits(literal, named.get()) || !p.usable(named.get().table())) {
            p.clarify("I could not tell which column of " + owner.name() + " holds '" + literal + "'.");
            return;
        }
        Col label = named.get();
        KnownValues.Reading reading = KnownValues.read(literal, label);
        String what = Words.singular(String.join(" ", Words.of(label.table().name())));
        switch (reading.kind()) {
            case NEAR -> p.assume("'" + literal + "' means the " + what + " '" + reading.value() + "'");
            case AMBIGUOUS -> p.clarify("'" + literal + "' could be the " + what + " " + KnownValues.listed(reading.values(), 8)
                    + ": which one do you mean?");
            case NONE -> p.clarify("I found no " + what + " named '" + literal + "'; the " + owner.name() + " I know are "
                    + KnownValues.listed(reading.values(), 8).replace(" or ", " and ") + ".");
            default -> { }
        }
        boolean stored = reading.kind() == KnownValues.Kind.EXACT || reading.kind() == KnownValues.Kind.NEAR;
        p.intent().filter(label, "%1$s = " + Sql.literal(stored ? reading.value() : literal, label));
    }

    /**
     * "the employees in the Data team", "tasks of the Apollo project": capitalised words no value holds, right before
     * a table's name, are that row's name, even common words ("Data") that would otherwise be passed over.
     */
    private void nameBefore(TableSchema owner, int table) {
        int start = table;
        while (start - 1 > 0 && !p.used(start - 1) && p.tokens().get(start - 1).isCapitalized() && isFreeWord(start - 1)
                && !p.is(start - 1, "i")) {
            start--;
        }
        if (start < table && p.is(start - 1, "the")) {
            nameOf(owner, start, table);
            p.use(start, p.mentionAt(table).end());
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

    /** "haven't been spayed", "isn't yet checked": a denial before the flag through a form of "be"; its index or -1. */
    private int deniedThroughBe(int i) {
        for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
            if (p.used(j)) {
                return -1;
            }
            if (negation(j)) {
                return j;
            }
            if (!p.is(j, "been", "be", "is", "are", "was", "were", "yet", "ever")) {
                return -1;
            }
        }
        return -1;
    }

    void booleans() {
        Denials.outOf(p);
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i)) {
                continue;
            }
            Optional<Col> flag = p.columnsAt(i).stream().filter(Col::isBoolean).findFirst();
            if (flag.isPresent() && p.intent().filters.stream().anyMatch(f -> f.column().equals(flag.get()))) {
                // "spayed or castrated": a second word for the flag already read joins that reading
                p.use(p.mentionAt(i).start(), p.mentionAt(i).end());
                if (p.is(i - 1, "or", "and")) {
                    p.use(i - 1, i);
                }
                continue;
            }
            if (flag.isPresent()) {
                int start = p.mentionAt(i).start();
                int denial = p.is(start - 1, "not", "non", "no") ? start - 1 : deniedThroughBe(start);
                if (denial < 0) {
                    denial = Denials.of(p, start);
                }
                boolean negated = denial >= 0 || p.tokens().get(i).lower().startsWith("un");
                p.intent().filter(flag.get(), negated ? "NOT %1$s" : "%1$s");
                p.use(start, p.mentionAt(i).end());
                if (denial >= 0) {
                    Denials.use(p, denial);
                }
            }
        }
    }
}
