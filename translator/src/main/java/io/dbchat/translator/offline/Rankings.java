package io.dbchat.translator.offline;

import java.util.List;
import java.util.Optional;

/**
 * Ordering and top-N: "top 5 projects by budget", "the 3 most recent invoices", "the oldest employee",
 * "which project has the highest budget", "sorted by salary descending", "alphabetically". A superlative
 * over a named number in a "what is" question is an aggregate instead ("what is the highest fee" → max).
 */
final class Rankings {

    /** Superlatives that rank by time: they order by a date, never by an amount. */
    static final java.util.Set<String> TIMES = java.util.Set.of("oldest", "youngest", "newest", "latest",
            "earliest", "recent", "recently", "soonest");

    /** Superlatives that rank amounts, never dates. */
    private static final java.util.Set<String> AMOUNTS = java.util.Set.of("highest", "lowest", "largest", "smallest",
            "biggest", "greatest", "maximum", "max", "minimum", "min", "cheapest", "expensive", "priciest",
            "dearest", "heaviest", "lightest");

    private final IntentParser p;

    Rankings(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i)) {
                continue;
            }
            if (!range(i) && !superlativeOfRelated(i) && !superlativeOfGroup(i) && !mostRelated(i) && !topN(i) && !countedRows(i) && !orderBy(i)) {
                superlative(i, false);
            }
        }
    }

    /**
     * "from the oldest to the youngest", "from cheapest to most expensive", "by salary from highest to lowest": every
     * row, ordered in the direction of the first word, by the column named near it or the one the words imply.
     */
    private boolean range(int i) {
        if (!p.is(i, "from")) {
            return false;
        }
        int first = p.skip(i + 1, "the");
        String from = superlativeAt(first);
        int firstEnd = first + (p.is(first, "most", "least") && !p.is(first, from) ? 2 : 1);
        int to = firstEnd;
        while (from != null && !p.is(to, "to") && to < first + 4 && (!p.columnsAt(to).isEmpty() || to == firstEnd
                || to > firstEnd && !p.columnsAt(to - 1).isEmpty() && p.is(to, "date", "time") && TIMES.contains(from))) {
            to++;  // "from the most recently hired to ...", "from the longest-standing to ...": a word may stand between
        }
        if (from == null || !p.is(to, "to")) {
            return false;
        }
        int second = p.skip(to + 1, "the");
        String until = superlativeAt(second);
        if (until == null) {
            return false;
        }
        int end = second + (p.is(second, "most", "least") && !p.is(second, until) ? 2 : 1);
        boolean descending = p.is(first, "least") && !p.is(first, from) ? !descends(from) : descends(from);
        boolean towards = p.is(second, "least") && !p.is(second, until) ? !descends(until) : descends(until);
        // "from the longest-standing to the newest": the two ends must point opposite ways; a first word bent by the
        // word after it ("longest-standing") yields to the plain last one, else the order is not read at all
        boolean bent = descending == towards;
        if (bent && (!p.columnsAt(firstEnd).isEmpty() || p.is(firstEnd, "to"))) {
            return false;
        }
        if (!bent && to > firstEnd && p.columnsAt(firstEnd).isEmpty()) {
            return false;  // a free word after the first end that does not bend it is not understood
        }
        boolean order = bent ? !towards : descending;
        String word = bent ? until : from;
        if (bent) {
            p.assume("'" + p.token(first).raw() + " " + p.token(firstEnd).raw() + "' read as the opposite of '" + until + "'");
        }
        // "from the newest to the oldest" orders by a date, never by an amount named nearby ("monthly amount")
        java.util.function.Predicate<Col> fits = c -> (TIMES.contains(from) || TIMES.contains(until) ? c.isDate()
                : c.isNumeric() || c.isDate()) && !c.isKey();
        Optional<Col> col = p.nearColumn(first, to - first - 1, 0, 0, fits)
                .or(() -> p.nearColumn(end - 1, 3, i, 3, fits))
                .or(() -> implied(word));
        if (col.isEmpty()) {
            return false;
        }
        p.use(i, end);
        p.use(firstEnd, to);  // "from the most recent start date to": the words naming the column were read with it
        if (p.is(i - 2, "by") && !p.used(i - 2)) {
            p.use(i - 2, i - 1);
        }
        order(col.get(), order);
        return true;
    }

    /**
     * "which author has the most books", "the customer with the fewest orders": the main table's rows ranked by how
     * many rows of a related table each has; "the most in fees" ranks by the sum of a related quantity.
     */
    private boolean mostRelated(int i) {
        if (!p.is(i, "most", "fewest", "least") || p.is(i - 1, "at")) {
            return false;
        }
        int at = p.skip(i + 1, "number", "of", "in", "the", "our");
        Optional<Term> t = p.termAt(at);
        boolean descending = p.is(i, "most");
        // the main table's own name was marked read at the start
        if (t.isPresent() && t.get().kind() == Term.Kind.TABLE && t.get().table().equals(p.intent().table) && mostOfGroup(i, at, descending)) {
            return true;
        }
        if (t.isEmpty() || p.used(at)) {
            return quantityBefore(i) || spent(i) || verbCounted(i, descending);
        }
        int adjective = at;
        Optional<Term> counted = CountedKind.tableAfter(p, at);
        if (counted.isPresent()) {
            at = p.mentionAt(at).end();  // "the most red cards": a kind of the counted rows, read as their condition later
            t = counted;
        }
        Optional<Term> part = GroupedRanking.compound(p, at, t.get());
        if (part.isPresent()) {
            at = p.mentionAt(at).end();  // "the most course offerings": the offerings of a course, counted
            t = part;
        }
        if (t.get().kind() == Term.Kind.TABLE && !t.get().table().equals(p.intent().table) && p.usable(t.get().table())) {
            p.intent().count = true;
            p.intent().need(Schema.labels(t.get().table()).getFirst());
        } else if (t.get().kind() == Term.Kind.COLUMN && !t.get().table().equals(p.intent().table)
                && t.get().column().isNumeric() && !t.get().column().isKey() && p.usable(t.get().table())) {
            p.intent().aggregate = Intent.Aggregate.SUM;
            p.intent().aggregated = t.get().column();
            p.intent().need(t.get().column());
        } else {
            return false;
        }
        rankRows(descending, 1);
        if (counted.isPresent()) {
            p.use(i, adjective);
            p.use(p.mentionAt(adjective).end(), p.mentionAt(at).end());
        } else {
            p.use(i, p.mentionAt(at).end());
        }
        return true;
    }

    /**
     * "which three countries have the most accounts", "which city do most of our members come from": the main table's
     * rows grouped by the column asked for, the groups with the most (fewest) rows first, as many as asked (else one).
     */
    private boolean mostOfGroup(int i, int at, boolean descending) {
        if (!p.is(0, "which", "what")) {
            return false;
        }
        int subject = p.skip(1, "the");
        Integer n = isCount(subject) && !p.used(subject) ? Integer.valueOf(p.token(subject).raw()) : null;
        int column = n == null ? subject : subject + 1;
        Optional<Col> group = column >= i || p.used(column) ? Optional.empty() : p.columnsAt(column).stream()
                .filter(this::groupable).findFirst().or(() -> GroupedRanking.ownedColumn(p, column).filter(this::groupable));
        if (group.isEmpty()) {
            return false;
        }
        p.intent().groupBy = group.get();
        p.intent().need(group.get());
        p.intent().count = true;
        p.intent().order = new Intent.Order(group.get(), descending);
        p.intent().limit = n == null ? 1 : n;
        p.use(subject, p.mentionAt(column).end());
        p.use(i, p.mentionAt(at).end());
        return true;
    }

    /**
     * A text column that groups the main table's rows: not a key, not the name that tells each row apart; of the main
     * table, or of a table each of its rows points at ("the breed" of the pet an appointment is for).
     */
    private boolean groupable(Col c) {
        return (c.table().equals(p.intent().table) || GroupedRanking.owns(p.intent(), c.table())) && c.isText() && !c.isKey()
                && c.expression() == null && !(Schema.named(c.table()) && Schema.labels(c.table()).contains(c));
    }

    /**
     * "the top 3 destination cities by number of shipments": groups of a column of the main table ranked by how many of
     * its rows each holds.
     */
    private boolean groupsByCount(int subject, int by, boolean descending) {
        int counted = p.skip(by + 1, "the");
        if (!(p.is(counted, "number", "count") && p.is(counted + 1, "of"))) {
            return false;
        }
        Optional<Term> rows = p.termAt(counted + 2);
        // "the top 2 dog breeds": a stored value before the column is a condition, read later
        int at = subject;
        while (at < by - 1 && at < subject + 2 && !p.used(at) && p.columnsAt(at).isEmpty()
                && p.termAt(at).map(t -> t.kind() == Term.Kind.VALUE).orElse(false)) {
            at++;
        }
        subject = at;
        int named = subject;
        Optional<Col> group = p.used(subject) ? Optional.empty() : p.columnsAt(subject).stream()
                .filter(this::groupable).findFirst().or(() -> GroupedRanking.ownedColumn(p, named).filter(this::groupable));
        if (group.isEmpty() || rows.isEmpty() || rows.get().kind() != Term.Kind.TABLE || !rows.get().table().equals(p.intent().table)) {
            return false;
        }
        p.intent().need(group.get());
        p.intent().groupBy = group.get();
        p.intent().count = true;
        p.intent().order = new Intent.Order(group.get(), descending);
        p.use(subject, p.mentionAt(subject).end());
        p.use(by, p.mentionAt(counted + 2).end());
        return true;
    }

    /**
     * "which attendee paid the most (in total)", "the member who borrowed the least": a quantity of related rows named
     * right before the word ranks the main table's rows by its sum.
     */
    private boolean quantityBefore(int i) {
        int before = p.is(i - 1, "the") ? i - 2 : i - 1;
        Optional<Col> quantity = before < 0 || p.used(before) ? Optional.empty() : p.columnsAt(before).stream()
                .filter(c -> c.isNumeric() && !c.isKey() && !c.table().equals(p.intent().table) && p.usable(c.table())).findFirst();
        if (quantity.isEmpty()) {
            return false;
        }
        rankBySum(quantity.get(), i);
        p.use(p.mentionAt(before).start(), i + 1);
        if (p.is(i + 1, "in") && p.is(i + 2, "total")) {
            p.use(i + 1, i + 3);
        }
        return true;
    }

    /**
     * "which car has been rented the most times", "which member borrowed the most often": the verb before names the
     * rows pointing at each ranked row (rent-ed and rent-als), which are counted; the reading is stated.
     */
    private boolean verbCounted(int i, boolean descending) {
        int verb = p.is(i - 1, "the") ? i - 2 : i - 1;
        int end = p.is(i + 1, "times", "often") ? i + 2 : i + 1;
        if (verb < 0 || p.used(verb) || p.token(end) != null && !p.is(end, "in", "during", "since", "this", "last")) {
            return false;
        }
        Optional<io.dbchat.contracts.events.TableSchema> rows = GroupedRanking.verbed(p, verb);
        if (rows.isEmpty()) {
            return false;
        }
        p.intent().count = true;
        p.intent().need(Schema.labels(rows.get()).getFirst());
        p.assume("'" + p.token(verb).raw() + " the " + p.token(i).raw() + "' read as the most " + rows.get().name());
        rankRows(descending, 1);
        p.use(verb, verb + 1);
        p.use(i, end);
        return true;
    }

    /** "which customers have spent the most on rentals": ranked by the sum of their related rows' amount of money. */
    private boolean spent(int i) {
        Optional<Col> amount = new MoneySpent(p).amount(i);
        if (amount.isEmpty()) {
            return false;
        }
        rankBySum(amount.get(), i);
        p.use(i, i + 1);
        return true;
    }

    /** The main table's rows ranked by the sum of {@code amount}, in the direction of the word at {@code i}. */
    private void rankBySum(Col amount, int i) {
        p.intent().aggregate = Intent.Aggregate.SUM;
        p.intent().aggregated = amount;
        p.intent().need(amount);
        rankRows(p.is(i, "most"), 1);
    }

    /**
     * "which category has the highest average daily rate": the rows grouped by the column asked for, the group with
     * the highest (or lowest) aggregate first.
     */
    private boolean superlativeOfGroup(int i) {
        String word = superlativeAt(i);
        if (word == null || !p.is(0, "which", "what") || p.intent().groupBy != null) {
            return false;
        }
        int wordEnd = p.is(i, "most", "least") && !p.is(i, word) ? i + 2 : i + 1;
        Intent.Aggregate agg = p.token(wordEnd) == null ? null : Cues.AGGREGATES.get(p.token(wordEnd).lower());
        int subject = p.skip(1, "the");
        Optional<Col> group = p.used(subject) || subject >= i ? Optional.empty() : p.columnsAt(subject).stream()
                .filter(c -> c.table().equals(p.intent().table) && c.isText() && !c.isKey() && c.expression() == null).findFirst();
        if (agg == null || group.isEmpty()) {
            return false;
        }
        Optional<Col> measured = p.nearColumn(wordEnd, 3, 0, 0, c -> c.isNumeric() && !c.isKey() && c.table().equals(p.intent().table));
        if (measured.isEmpty()) {
            return false;
        }
        boolean descending = wordEnd == i + 2 && p.is(i, "least") ? !descends(word) : descends(word);
        p.intent().groupBy = group.get();
        p.intent().aggregate = agg;
        p.intent().aggregated = measured.get();
        p.intent().order = new Intent.Order(measured.get(), descending);
        p.intent().limit = 1;
        p.use(subject, p.mentionAt(subject).end());
        p.use(i, wordEnd + 1);
        return true;
    }

    private void rankRows(boolean descending, Integer limit) {
        p.intent().rankRows = true;
        p.intent().order = new Intent.Order(Schema.labels(p.intent().table).getFirst(), descending);
        if (p.intent().limit == null) {
            p.intent().limit = limit;
        }
    }

    /**
     * "top 3 books by number of loans", "top 5 doctors by total fees", "top 3 products by quantity sold": the rows
     * ranked by a count or an aggregate of related rows (a bare quantity of a related table is summed).
     */
    private boolean byRelated(int by, boolean descending) {
        int at = p.skip(by + 1, "the");
        Intent.Aggregate agg = p.token(at) == null ? null : Cues.AGGREGATES.get(p.token(at).lower());
        boolean counted = p.is(at, "number") && p.is(at + 1, "of");
        int target = agg != null ? p.skip(at + 1, "of") : counted ? at + 2 : at;
        Optional<Term> t = p.termAt(target);
        // "by total amount claimed": a quantity of rows that belong to each ranked row through a table between
        if (t.isEmpty() || t.get().table().equals(p.intent().table)
                || !p.usable(t.get().table()) && !GroupedRanking.belongs(p.intent(), t.get().table())) {
            return false;
        }
        Optional<Term> quantity = t.get().kind() != Term.Kind.TABLE ? Optional.empty() : quantityOf(t.get(), target);
        if (agg == null && quantity.isPresent()) {
            return false;  // "by invoice amount": a quantity, not a count of the rows, and no word says how to total it
        }
        if (quantity.isPresent()) {
            target = p.mentionAt(target).end();  // "total admission cost": the quantity named after its table
            t = quantity;
        }
        if (t.get().kind() == Term.Kind.TABLE && (counted || agg == null)) {
            p.intent().count = true;
            p.intent().need(Schema.labels(t.get().table()).getFirst());
        } else if (t.get().kind() == Term.Kind.COLUMN && t.get().column().isNumeric() && !t.get().column().isKey()) {
            p.intent().aggregate = agg == null ? Intent.Aggregate.SUM : agg;
            p.intent().aggregated = t.get().column();
            p.intent().need(t.get().column());
        } else {
            return false;
        }
        p.use(by, p.mentionAt(target).end());
        rankRows(descending, p.intent().limit);
        return true;
    }

    /** The quantity of {@code table}'s rows named right after it ("admission cost", "invoice amount"), if any. */
    private Optional<Term> quantityOf(Term table, int at) {
        Mention next = p.mentionAt(p.mentionAt(at).end());
        if (next == null || p.used(next.start())) {
            return Optional.empty();
        }
        return next.candidates().stream().filter(c -> c.kind() == Term.Kind.COLUMN && c.table().equals(table.table())
                && c.column().isNumeric() && !c.column().isKey()).max(java.util.Comparator.comparingDouble(Term::weight));
    }

    /**
     * "which doctor has the highest total admission cost", "the agent with the lowest average price": a superlative
     * over an aggregate of related rows ranks the main table's rows by it, the first one only.
     */
    private boolean superlativeOfRelated(int i) {
        String word = superlativeAt(i);
        if (word == null || p.is(i - 1, "at") || !Cues.SUPERLATIVES.containsKey(word)) {
            return false;
        }
        int wordEnd = p.is(i, "most", "least") && !p.is(i, word) ? i + 2 : i + 1;
        if (p.token(wordEnd) == null || !Cues.AGGREGATES.containsKey(p.token(wordEnd).lower()) && !p.is(wordEnd, "number")) {
            return false;
        }
        boolean descending = wordEnd == i + 2 && p.is(i, "least") ? !descends(word) : descends(word);
        Integer limit = p.intent().limit;
        if (!byRelated(wordEnd - 1, descending)) {
            return false;
        }
        p.use(i, wordEnd);
        p.intent().limit = limit == null ? 1 : limit;
        return true;
    }

    /** "the 10 employees with ...": a small number right before the table's name limits the rows. */
    private boolean countedRows(int i) {
        if (!isCount(i) || p.is(i - 1, "than", "least", "most", "over", "under", "above", "below") || p.mentionAt(i + 1) == null) {
            return false;
        }
        Term t = p.termAt(i + 1).orElseThrow();
        if (t.kind() != Term.Kind.TABLE || !t.table().equals(p.intent().table)) {
            return false;
        }
        p.intent().limit = Integer.parseInt(p.token(i).raw());
        p.use(i, i + 1);
        return true;
    }

    private boolean topN(int i) {
        // "the last 30 days" is a period (Comparisons), not the bottom 30 rows
        boolean period = p.is(i + 2, "day", "week", "month", "quarter", "year", "hour", "minute");
        boolean top = p.is(i, "top", "first", "bottom", "last") && isCount(i + 1) && !period;
        boolean numberThenSuperlative = isCount(i) && superlativeAt(i + 1) != null && !p.is(i - 1, "than", "least", "most");
        if (!top && !numberThenSuperlative) {
            return false;
        }
        int n = Integer.parseInt(p.token(top ? i + 1 : i).raw());
        p.intent().limit = n;
        p.use(i, top ? i + 2 : i + 1);
        boolean descending = !p.is(i, "bottom");
        int by = findBy(i + 2);
        if (top && by >= 0 && groupsByCount(i + 2, by, descending)) {
            return true;
        }
        if (by >= 0 && byRelated(by, descending)) {
            return true;
        }
        if (by >= 0) {
            Optional<Col> near = p.nearColumn(by, 3, 0, 0, c -> true);
            // a column of another table ranks its rows, not the ones asked for ("top 10 employees by billable hours":
            // each employee has many hours); left to the readings above, which aggregate, or asked about
            Optional<Col> col = near.filter(c -> c.table().equals(p.intent().table));
            col.ifPresent(c -> order(c, descending && !p.is(by + 2, "asc", "ascending")));
            if (near.isPresent() && col.isEmpty()) {
                p.decisive(by);
            }
            p.use(by, by + 1);
            int measure = p.skip(by + 1, "the", "their", "its", "our", "total", "most");
            if (col.isEmpty() && measure < p.tokens().size() && !p.used(measure)) {
                p.decisive(measure);  // "top 5 clients by revenue": ranked by what the schema does not hold, not at all
            }
        } else if (!superlative(top ? i + 2 : i + 1, true)) {
            p.nearColumn(i + 1, 4, 0, 0, c -> c.isNumeric() && !c.isKey()).ifPresent(c -> order(c, descending));
        }
        return true;
    }

    private boolean isCount(int i) {
        Token t = p.token(i);
        return t != null && t.raw().matches("\\d{1,3}") && Integer.parseInt(t.raw()) > 0;
    }

    private int findBy(int from) {
        for (int i = from; i < Math.min(from + 6, p.tokens().size()); i++) {
            if (p.is(i, "by") && !p.used(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean orderBy(int i) {
        if (p.is(i, "alphabetically", "alphabetical")) {
            order(Schema.labels(p.intent().table).getFirst(), false);
            p.use(i, i + 1 + (p.is(i + 1, "order") ? 1 : 0));
            return true;
        }
        if (!p.is(i, "order", "ordered", "sort", "sorted", "rank", "ranked", "arrange", "arranged") || !p.is(i + 1, "by")) {
            return false;
        }
        Optional<Col> col = p.nearColumn(i + 1, 3, 0, 0, c -> true);
        if (col.isEmpty()) {
            return false;
        }
        int after = i + 2;
        while (after < p.tokens().size() && p.used(after)) {
            after++;
        }
        boolean descending = p.is(after, "desc", "descending", "decreasing", "highest", "largest", "newest", "latest");
        p.use(i, i + 2);
        if (descending || p.is(after, "asc", "ascending", "increasing")) {
            p.use(after, after + (p.is(after + 1, "first", "order") ? 2 : 1));
        }
        order(col.get(), descending);
        return true;
    }

    /** Reads a superlative at {@code i}; with {@code inTopN} it only sets the order, never an aggregate. */
    private boolean superlative(int i, boolean inTopN) {
        String word = superlativeAt(i);
        if (word == null || p.is(i - 1, "at")) {
            return false;
        }
        int wordEnd = p.is(i, "most", "least") && !p.is(i, word) ? i + 2 : i + 1;
        boolean modified = wordEnd == i + 2;
        boolean descending = modified && p.is(i, "least") ? !descends(word) : descends(word);
        // "the maximum order total": a superlative of amounts skips the date "order" names
        boolean amount = AMOUNTS.contains(word);
        Optional<Col> explicit = p.nearColumn(wordEnd - 1, 3, 0, 0, c -> (c.isNumeric() || c.isDate() && !amount) && !c.isKey());
        Optional<Col> col = explicit.or(() -> implied(word));
        if (Tenure.AFTER_MOST.containsKey(word)) {
            col = explicit.or(() -> Tenure.start(p.intent().table, false));  // "the most senior": by the start of service
        } else if (Tenure.measures(word) && explicit.isEmpty() && col.isPresent() && col.get().isDate()) {
            // "the longest-serving employee", "with us the longest": the longest time since a start is the earliest
            // start; a date that starts no service ("the project that ran the longest") is not that, so left unread
            boolean qualified = Tenure.qualifierAt(p, wordEnd);
            col = Tenure.start(p.intent().table, qualified);
            descending = !descending;
            if (qualified && col.isPresent()) {
                p.use(wordEnd, wordEnd + 1);
            }
        }
        if (!inTopN && p.is(wordEnd, "first")) {
            return direction(i, wordEnd, col, descending);
        }
        // "starting with the most recently hired", "beginning with the cheapest": every row, from that end
        int lead = p.is(i - 1, "the") ? i - 2 : i - 1;
        if (!inTopN && p.is(lead, "with") && p.is(lead - 1, "starting", "beginning", "start", "begin") && col.isPresent()) {
            p.use(lead - 1, lead + 1);
            return direction(i, wordEnd - 1, col, descending);
        }
        // "most experienced first": "most" before the column's own word, then "first", orders every row by it
        Mention adjective = p.mentionAt(wordEnd);
        if (!inTopN && !modified && p.is(i, "most", "least") && explicit.isPresent() && adjective != null
                && adjective.start() == wordEnd && p.is(adjective.end(), "first")) {
            return direction(i, adjective.end(), explicit, descending);
        }
        if (col.isEmpty()) {
            return false;
        }
        p.use(i, wordEnd);
        if (!inTopN && explicit.isPresent() && asksForValue(i) && p.intent().aggregate == null) {
            p.intent().aggregate = descending ? Intent.Aggregate.MAX : Intent.Aggregate.MIN;
            p.intent().aggregated = col.get();
            p.intent().need(col.get());
            return true;
        }
        if (RankedByTheirRows.apply(p, i, wordEnd, col.get(), descending)) {
            return true;
        }
        order(col.get(), descending);
        if (p.intent().limit == null) {
            p.intent().limit = 1;
        }
        return true;
    }

    /**
     * "sorted by price, most expensive first", "by sign-up date, newest first": the superlative gives the direction of
     * every row's order, by the column named after "by" (else the one it implies), and cuts nothing.
     */
    private boolean direction(int i, int wordEnd, Optional<Col> implied, boolean descending) {
        Optional<Col> col = p.intent().order != null ? Optional.of(p.intent().order.column()) : Optional.empty();
        for (int by = i - 1; col.isEmpty() && by >= 0; by--) {
            if (p.is(by, "by") && !p.used(by)) {
                col = p.nearColumn(by, 3, 0, 0, c -> !c.isKey());
                if (col.isPresent()) {
                    p.use(by, by + 1);
                }
            }
        }
        col = col.or(() -> implied);
        if (col.isEmpty()) {
            return false;
        }
        order(col.get(), descending);
        p.use(i, wordEnd + 1);
        return true;
    }

    /** The superlative word at {@code i}: itself, or the adjective after "most"/"least" ("most expensive"). */
    private String superlativeAt(int i) {
        Token t = p.token(i);
        if (t == null) {
            return null;
        }
        if (p.is(i, "most", "least") && p.token(i + 1) != null && (Cues.SUPERLATIVES.containsKey(p.token(i + 1).lower())
                || Tenure.AFTER_MOST.containsKey(p.token(i + 1).lower()))) {
            return p.token(i + 1).lower();
        }
        return Cues.SUPERLATIVES.containsKey(t.lower()) ? t.lower() : null;
    }

    /** "What is the highest salary?" asks for a value; "which employee has the highest salary" for a row. */
    private boolean asksForValue(int i) {
        if (p.is(0, "which", "who", "list", "show", "give", "name", "find", "display")) {
            return false;
        }
        int before = p.is(i - 1, "the") ? i - 2 : i - 1;
        return !p.is(before, "with", "has", "have", "had", "by", "earns", "earn", "got", "gets");
    }

    /** True when the superlative {@code word} ranks the highest first. */
    private static boolean descends(String word) {
        Boolean d = Cues.SUPERLATIVES.get(word);
        return d != null ? d : Tenure.AFTER_MOST.get(word);
    }

    private Optional<Col> implied(String word) {
        List<String> hints = Cues.IMPLIED.getOrDefault(word, List.of());
        List<Col> cols = Schema.visible(p.intent().table);
        // a timestamp every table carries (an ORM's created_at) only when the table has no date of its own
        List<Col> own = cols.stream().filter(c -> !OrmColumns.shared(c, p.intent().tables)).toList();
        for (List<Col> among : List.of(own, cols)) {
            for (String hint : hints) {
                for (Col c : among) {
                    if ((c.isDate() || c.isNumeric() && !c.isKey()) && c.words().contains(hint)) {
                        return Optional.of(c);
                    }
                }
            }
            // a superlative of amounts ("heaviest") never falls back to a date
            Optional<Col> date = hints.isEmpty() || AMOUNTS.contains(word) ? Optional.empty()
                    : among.stream().filter(c -> word.contains("est") && c.isDate()).findFirst();
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private void order(Col col, boolean descending) {
        p.intent().order = new Intent.Order(col, descending);
        p.intent().need(col);
    }
}
