package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * What a question measures: a count ("how many", "number of"), a sum of a quantity ("how many hours"),
 * an aggregate ("average salary", "total budget") and its grouping ("per team", "for each status",
 * "by priority"); a group on a neighbouring table groups by that table's label, joined.
 */
final class Measures {

    private final IntentParser p;

    private final Elapsed elapsed;

    Measures(IntentParser parser) {
        this.p = parser;
        this.elapsed = new Elapsed(parser, this);
    }

    void counts() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.is(i, "how") && p.is(i + 1, "long")) {
                int asked = elapsed.unitAsked();
                String unit = asked < 0 ? "day" : p.token(asked).word();
                if (duration(i, i + 1, unit) || namedDuration(i, i + 1, unit) || elapsed.span(i, i + 1, unit)) {
                    p.use(asked - 1, asked + 1);  // "in minutes" read with the duration
                    continue;
                }
            }
            if (elapsed.timeNoun(i)) {
                // "the average time in days between ordering and delivery", "the average length of an exhibition"
                int asked = elapsed.unitAsked();
                String unit = asked < 0 ? "day" : p.token(asked).word();
                if (duration(i - 1, i, unit) || elapsed.span(i - 1, i, unit)) {
                    p.use(asked - 1, asked + 1);
                    continue;
                }
            }
            if (p.is(i, "how") && p.is(i + 1, "many", "much") && p.token(i + 2) != null && p.columnsAt(i + 2).isEmpty()
                    && UNITS_OF_TIME.containsKey(p.token(i + 2).word())
                    && (elapsed.late(i, i + 2, p.token(i + 2).word()) || elapsed.today(i, i + 2, p.token(i + 2).word())
                    || duration(i, i + 2, p.token(i + 2).word())
                    || namedDuration(i, i + 2, p.token(i + 2).word()) || elapsed.span(i, i + 2, p.token(i + 2).word()))) {
                continue;
            }
            if (p.is(i, "how") && p.is(i + 1, "much") && p.columnsAt(i + 2).stream().noneMatch(c -> c.isNumeric() && !c.isKey())) {
                // "how much" asks for an amount, never a count: the quantity named later, or the table's one amount
                // the table's own amount only when no word of something else follows: not "how much customs duty"
                // "how much grant money": the main table's name may stand before the money word
                int money = ownTableWord(i + 2) ? i + 3 : i + 2;
                boolean unnamed = p.is(i + 2, "did", "do", "does", "have", "has", "had", "was", "were", "is", "are", "will")
                        || p.token(money) != null && MONEY.contains(p.token(money).lower());
                Optional<Col> amount = quantityAfter(i + 2).or(() -> unnamed ? onlyAmount("how much") : Optional.empty());
                if (amount.isPresent()) {
                    p.intent().aggregate = averaged() ? Intent.Aggregate.AVG : Intent.Aggregate.SUM;
                    p.intent().aggregated = amount.get();
                    p.intent().need(amount.get());
                    p.use(i, i + 2);
                    if (money > i + 2 && MONEY.contains(lower(money))) {
                        p.use(i + 2, i + 3);
                    }
                    moneyWord(money);
                    moneyVerb(i + 2, amount.get());
                }
                continue;
            }
            if (p.is(i, "how") && p.is(i + 1, "many", "much")) {
                p.use(i, i + 2);
                Optional<Col> quantity = p.columnsAt(i + 2).stream().filter(c -> c.isNumeric() && !c.isKey()).findFirst();
                if (quantity.isPresent()) {
                    p.intent().aggregate = averaged() ? Intent.Aggregate.AVG : Intent.Aggregate.SUM;
                    p.intent().aggregated = quantity.get();
                    p.intent().need(quantity.get());
                    p.use(i + 2, p.mentionAt(i + 2).end());
                } else {
                    p.intent().count = true;
                }
            } else if (p.is(i, "number") && p.is(i + 1, "of") && !p.used(i)
                    && p.columnsAt(i + 2).stream().anyMatch(c -> c.isNumeric() && !c.isKey() && c.expression() == null)) {
                // "the average number of pages", "its city and number of seats": a quantity, not a count
                p.use(i, i + 2);
            } else if (p.is(i, "number") && p.is(i + 1, "of") && !p.used(i) && !p.is(i - 1, "their", "its", "than", "his", "her")
                    && !(p.mentionAt(i) != null && p.mentionAt(i).start() < i)) {
                // "the serial numbers of the bikes" names a column, not a count
                p.intent().count = true;
                p.use(i, i + 2);
                if (p.is(i - 1, "total")) {
                    p.use(i - 1, i);
                }
            } else if (p.is(i, "count") && p.mentionAt(i) == null) {
                p.intent().count = true;
                p.use(i, i + 1);
            }
        }
    }

    /** Words that name money without naming a column: "how much money", "the total value". */
    private static final java.util.Set<String> MONEY = java.util.Set.of("money", "value", "revenue", "income", "amount",
            "takings", "turnover");

    private void moneyWord(int i) {
        if (p.token(i) != null && !p.used(i) && MONEY.contains(p.token(i).lower())) {
            p.use(i, i + 1);
        }
    }

    /** True when the word at {@code i} names the main table only: "how much grant money". */
    private boolean ownTableWord(int i) {
        Mention m = p.mentionAt(i);
        return m != null && m.start() == i && m.end() == i + 1 && p.termAt(i).map(t -> t.kind() == Term.Kind.TABLE
                && t.table().equals(p.intent().table)).orElse(false);
    }

    /**
     * "how much did we collect in payments", "how much did members pay us": the verb of taking in or paying out the
     * amount read, up to the first word of something else, says no more than "how much".
     */
    private void moneyVerb(int from, Col amount) {
        // only where a word names the amount or its rows: "how much did we pay the security staff" is about no column here
        boolean named = false;
        for (int k = 0; k < p.tokens().size() && !named; k++) {
            named = p.columnsAt(k).contains(amount) || p.termAt(k).map(t -> t.kind() == Term.Kind.TABLE && t.table().equals(amount.table())).orElse(false);
        }
        for (int v = from; v < Math.min(from + 6, p.tokens().size()) && named; v++) {
            if (!p.used(v) && p.mentionAt(v) == null && MONEY_VERBS.contains(p.token(v).lower()) && amount.table().equals(p.intent().table)) {
                p.use(v, v + 1);
                return;
            }
        }
    }

    /** Verbs of taking in or paying out money, which "how much" asks about: "how much did we take in tips". */
    static final java.util.Set<String> MONEY_VERBS = java.util.Set.of("take", "took", "make", "made", "earn",
            "earned", "receive", "received", "bring", "brought", "pay", "paid", "spend", "spent", "charge", "charged",
            "collect", "collected", "get", "got");

    /**
     * The first quantity named from {@code from} on that is not compared with a number ("with more than 6 guests"); the
     * money verbs before a quantity of the main table are read with it.
     */
    private Optional<Col> quantityAfter(int from) {
        for (int k = from; k < p.tokens().size(); k++) {
            Mention m = p.mentionAt(k);
            if (m == null || m.start() != k || p.used(k) || comparedWith(k) || followedByComparison(m.end())) {
                continue;
            }
            Optional<Col> quantity = p.columnsAt(k).stream().filter(c -> c.isNumeric() && !c.isKey() && c.expression() == null).findFirst();
            if (quantity.isPresent()) {
                p.use(m.start(), m.end());
                boolean own = quantity.get().table().equals(p.intent().table);
                for (int v = from; v < k && own; v++) {
                    if (!p.used(v) && MONEY_VERBS.contains(p.token(v).lower())) {
                        p.use(v, v + 1);
                    }
                }
                return quantity;
            }
        }
        return Optional.empty();
    }

    private boolean followedByComparison(int i) {
        String word = lower(i);
        return word.equals("than") || Cues.GREATER.contains(word) || Cues.LESS.contains(word) || p.token(i) != null && p.token(i).isNumber();
    }

    /**
     * The main table's one amount of money (its only fractional number: price, amount, tip), for "how much" and "the
     * total" that name none; stated as an assumption. Empty when the table has none or several.
     */
    Optional<Col> onlyAmount(String cue) {
        List<Col> amounts = Schema.visible(p.intent().table).stream().filter(c -> c.isNumeric() && !c.isKey() && fractional(c)).toList();
        if (amounts.size() != 1) {
            return Optional.empty();
        }
        p.assume("'" + cue + "' read as an amount of " + amounts.getFirst().name());
        return Optional.of(amounts.getFirst());
    }

    private static final java.util.Set<String> FRACTIONAL = java.util.Set.of("numeric", "decimal", "money", "real",
            "double precision", "float4", "float8");

    /** Seconds in each unit a duration may be asked in. */
    static final java.util.Map<String, Integer> UNITS_OF_TIME = java.util.Map.of(
            "minute", 60, "hour", 3600, "day", 86400, "week", 604800);

    /**
     * "how many days on average between ordering and shipping", "how long on average between check in and check out":
     * the average time from one date column to another of the same row, in the unit asked (days for "how long").
     */
    private boolean duration(int start, int unitAt, String unit) {
        int between = -1;
        for (int k = unitAt + 1; k < Math.min(unitAt + 8, p.tokens().size()); k++) {
            if (p.is(k, "between", "from") && !p.used(k)) {
                between = k;
                break;
            }
        }
        if (between < 0) {
            return false;
        }
        int firstAt = p.skip(between + 1, "a", "an", "the", "its", "their");
        Optional<Col> from = datesAt(firstAt).stream().findFirst().or(() -> elapsed.startOrEnd(firstAt, true));
        int firstEnd = wordEnd(firstAt);
        // "between ordering materials and ...", "from placing an order to ...": the rows' own name may follow the verb
        List<Integer> objects = new java.util.ArrayList<>();
        while (from.isPresent() && objects.size() < 3 && p.token(firstEnd) != null && !p.is(firstEnd, "and", "to", "until")
                && datesAt(firstEnd).isEmpty() && (Stopwords.is(p.token(firstEnd).word()) || names(firstEnd, from.get().table())
                || p.is(firstEnd, "date", "day", "time"))) {
            objects.add(firstEnd);
            firstEnd = wordEnd(firstEnd);
        }
        if (from.isEmpty() || !p.is(firstEnd, "and", "to", "until")) {
            return false;
        }
        // "between an incident and its claim being closed": articles, the rows' own name and "being" may stand before
        int secondAt = firstEnd + 1;
        while (secondAt < p.tokens().size() && datesAt(secondAt).stream().noneMatch(c -> !c.equals(from.get()))
                && (p.used(secondAt) || Stopwords.is(p.token(secondAt).word()) || p.is(secondAt, "its", "their", "being", "getting"))) {
            secondAt++;
        }
        int endAt = secondAt;
        Optional<Col> to = datesAt(secondAt).stream().filter(c -> !c.equals(from.get())).findFirst()
                .or(() -> elapsed.startOrEnd(endAt, false)).filter(c -> !c.equals(from.get()));
        Elapsed.Figure figure = to.isEmpty() ? null : elapsed.figure();
        if (figure == null) {
            return false;
        }
        elapsed.time(from.get(), to.get(), unit, figure);
        p.use(start, unitAt + 1);
        p.use(between, wordEnd(secondAt));
        objects.forEach(k -> p.use(k, wordEnd(k)));
        elapsed.lasting(unitAt + 1);
        for (int k = unitAt + 1; k < between; k++) {
            if (p.is(k, "pass", "passed", "elapse", "elapsed", "go", "went", "usually", "typically")) {
                p.use(k, k + 1);  // "how many days pass between": the verb of the time itself
            }
        }
        return true;
    }

    /**
     * "how many days after being issued are invoices paid on average": the two dates of the main table the question
     * names by their verbs, from the first named to the second (to the one that ends a row, if only one does); "how many hours on average to resolve a ticket", "how
     * many days did the staff who left stay": one date that ends a row, from the row's one other event date.
     */
    private boolean namedDuration(int start, int unitAt, String unit) {
        // the dates may be named before the question's cue too: "for the debits that were cancelled, how many days ..."
        java.util.Map<Col, Integer> named = namedDates(start, unitAt, p.intent().table);
        if (named.isEmpty()) {
            // "how many days after registering do students drop a course": two dates of one table the rows lead to
            named = p.intent().tables.stream().filter(t -> !t.equals(p.intent().table) && p.usable(t))
                    .map(t -> namedDates(start, unitAt, t)).filter(m -> m.size() == 2).reduce((a, b) -> java.util.Map.of())
                    .orElse(java.util.Map.of());
            if (named.isEmpty()) {
                return false;
            }
        }
        TableSchema owner = named.keySet().iterator().next().table();
        List<Col> dates = List.copyOf(named.keySet());
        Col from;
        Col to;
        if (dates.size() == 2) {
            // the date that ends a row comes last, whatever the order of the words ("cancelled members stay subscribed"),
            // and so does the one left empty until its event when the other is always set ("to fix once reported")
            boolean swap = ends(dates.get(0)) && !ends(dates.get(1)) || ends(dates.get(0)) == ends(dates.get(1))
                    && dates.get(0).column().nullable() && !dates.get(1).column().nullable();
            from = dates.get(swap ? 1 : 0);
            to = dates.get(swap ? 0 : 1);
        } else if (dates.size() == 1 && ends(dates.getFirst())) {
            List<Col> starts = Schema.visible(owner).stream().filter(c -> c.isDate() && !ends(c)
                    && c.words().stream().noneMatch(Restrictions.BOOKKEEPING::contains)).toList();
            if (starts.size() != 1) {
                return false;
            }
            from = starts.getFirst();
            to = dates.getFirst();
        } else {
            return false;
        }
        Elapsed.Figure figure = elapsed.figure();
        if (figure == null) {
            return false;
        }
        elapsed.time(from, to, unit, figure);
        p.use(start, unitAt + 1);
        named.values().forEach(k -> p.use(k, wordEnd(k)));
        elapsed.lasting(unitAt + 1);
        if (!owner.equals(p.intent().table)) {
            p.markTable(owner);  // "do customers get their consignments delivered": the rows whose dates are measured
        }
        // "the cars we have since retired": "since" right before the date's verb only says it happened by now
        named.values().stream().filter(k -> p.is(k - 1, "since") && p.is(k - 2, "have", "has", "had")).forEach(k -> p.use(k - 1, k));
        int last = named.values().stream().max(Integer::compare).orElse(unitAt);
        for (int k = unitAt + 1; k < last && dates.size() == 2; k++) {
            if (p.is(k, "after", "before", "until", "till", "once")) {
                p.use(k, k + 1);  // "after being placed ... shipped" only relates the two dates
            }
        }
        return true;
    }

    /** The dates of {@code table} named by a word outside the cue from {@code start} to {@code unitAt}, in order. */
    private java.util.Map<Col, Integer> namedDates(int start, int unitAt, TableSchema table) {
        java.util.Map<Col, Integer> named = new java.util.LinkedHashMap<>();
        for (int k = 0; k < p.tokens().size(); k++) {
            if (!p.used(k) && (k < start || k > unitAt)) {
                int at = k;
                datesAt(k).stream().filter(c -> c.table().equals(table)).findFirst().ifPresent(c -> named.putIfAbsent(c, at));
            }
        }
        return named;
    }

    private static boolean ends(Col date) {
        return date.words().stream().anyMatch(Restrictions.ENDS::contains);
    }

    /**
     * The date columns the word at {@code i} names: through its mention, or else the main table's dates whose name
     * begins like it ("admission" and admitted_at, "discharge" and discharged_at, "issue" and issued_on).
     */
    java.util.List<Col> datesAt(int i) {
        java.util.List<Col> named = p.dateColumnsAt(i);
        if (!named.isEmpty() || p.token(i) == null || p.token(i).word().length() < 4) {
            return named;
        }
        String word = p.token(i).word();
        String stem = Stem.of(word);
        // "sowing" and sown_on: a short verb's whole stem begins the date's name
        return Schema.visible(p.intent().table).stream().filter(Col::isDate)
                .filter(c -> commonPrefix(c.words().getFirst(), word) >= 4
                        || stem.length() >= 3 && stem.length() < word.length() && c.words().getFirst().startsWith(stem))
                .toList();
    }

    /** True when the word at {@code i} names {@code table} itself: "between ordering materials and ...". */
    private boolean names(int i, TableSchema table) {
        Mention m = p.mentionAt(i);
        return m != null && m.candidates().stream().anyMatch(c -> c.kind() == Term.Kind.TABLE && c.table().equals(table));
    }

    private int wordEnd(int i) {
        Mention m = p.mentionAt(i);
        return m != null ? m.end() : i + 1;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /** "how many days on average", "how many hours per task on average": the quantity is averaged, not summed. */
    boolean averaged() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (!p.used(i) && p.is(i, "average", "mean") && Cues.AGGREGATES.get(p.token(i).lower()) == Intent.Aggregate.AVG) {
                p.use(i - (p.is(i - 1, "on") ? 1 : 0), i + 1);
                return true;
            }
        }
        return false;
    }

    /** Words that ask for a figure of a column, in pairs: "minimum and maximum", "lowest and highest". */
    private static final java.util.Map<String, Intent.Aggregate> FIGURES = java.util.Map.of(
            "lowest", Intent.Aggregate.MIN, "smallest", Intent.Aggregate.MIN, "highest", Intent.Aggregate.MAX,
            "largest", Intent.Aggregate.MAX, "biggest", Intent.Aggregate.MAX, "shortest", Intent.Aggregate.MIN,
            "longest", Intent.Aggregate.MAX, "cheapest", Intent.Aggregate.MIN, "dearest", Intent.Aggregate.MAX);

    private Intent.Aggregate figure(int i) {
        if (p.token(i) == null || p.used(i)) {
            return null;
        }
        if (p.is(i, "most", "least") && p.is(i + 1, "expensive") && !p.used(i + 1)) {
            return p.is(i, "most") ? Intent.Aggregate.MAX : Intent.Aggregate.MIN;  // "the most expensive" of a list
        }
        Intent.Aggregate a = Cues.AGGREGATES.get(p.token(i).lower());
        return a != null ? a : FIGURES.get(p.token(i).lower());
    }

    /** How many words the figure at {@code i} takes: two for "most expensive", else one. */
    private int figureWidth(int i) {
        return p.is(i, "most", "least") ? 2 : 1;
    }

    /**
     * "the minimum and maximum fee", "average and the total hours", "smallest, largest and average sizes", "the
     * cheapest and most expensive rate": several figures of one column, listed with "and", "or" or commas (which the
     * tokens drop).
     */
    void aggregatePairs() {
        for (int i = 0; i < p.tokens().size(); i++) {
            Intent.Aggregate first = figure(i);
            if (first == null || p.intent().aggregate != null) {
                continue;
            }
            List<Intent.Aggregate> more = new java.util.ArrayList<>();
            int last = i;
            for (int next = nextFigure(last); next > 0; next = nextFigure(last)) {
                more.add(figure(next));
                last = next;
            }
            int end = last + figureWidth(last);
            Optional<Col> col = more.isEmpty() ? Optional.empty() : p.nearColumn(end - 1, 5, i, 3, c -> c.isNumeric() && !c.isKey());
            if (!more.isEmpty()) {
                col = FiguresOfRows.amount(p, end, col);
            }
            if (col.isEmpty()) {
                continue;
            }
            p.intent().aggregate = first;
            p.intent().aggregated = col.get();
            p.intent().need(col.get());
            p.intent().alsoAggregates.addAll(more);
            p.use(i, end);
        }
    }

    /** The figure word listed right after the one at {@code i} ("lowest, highest", "lowest and the highest"), or -1. */
    private int nextFigure(int i) {
        int after = i + figureWidth(i);
        int joined = p.skip(after, "and", "or");
        int next = p.skip(joined, "the");
        // "the highest average rate" is one figure of another: only a comma lists two side by side
        boolean listed = joined > after || java.util.regex.Pattern.compile("(?i)\\b" + java.util.regex.Pattern.quote(p.token(after - 1).raw())
                + "\\s*,").matcher(p.question()).find();
        return listed && figure(next) != null ? next : -1;
    }

    private static final java.util.List<String> UNITS = java.util.List.of("day", "week", "month", "quarter", "year");

    /**
     * "per month", "each year", "by quarter": rows counted (or aggregated) per period of a date column, the one the
     * question names ("hired each year") or else the table's first date.
     */
    void timeBuckets() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i) || !p.is(i, "per", "each", "every", "by")) {
                continue;
            }
            int unitAt = p.skip(i + 1, "the", "calendar");
            if (p.token(unitAt) == null || !UNITS.contains(p.token(unitAt).word()) || p.intent().groupBy != null) {
                continue;
            }
            Mention named = p.mentionAt(unitAt);
            if (named != null && named.end() > unitAt + 1) {
                continue;  // "per year group" names a column
            }
            String unit = p.token(unitAt).word();
            int cue = i;
            Optional<Col> date = participleDate(i).or(() -> p.nearColumn(cue, 0, cue, cue, Col::isDate))
                    .or(() -> p.nearColumn(unitAt, 4, 0, 0, Col::isDate))
                    .or(() -> PeriodDates.verbOfOnlyDate(p, cue)).or(() -> PeriodDates.unnamed(p, cue, unitAt + 1, false));
            if (date.isEmpty()) {
                continue;
            }
            Col bucket = new Col(date.get().table(), date.get().column(), "date_trunc('" + unit + "', %s)", unit);
            p.intent().groupBy = bucket;
            p.intent().need(bucket);
            p.use(i, unitAt + 1);
            PeriodDates.newRows(p, date.get());
        }
    }

    /**
     * "jobs opened each quarter": a participle before the period names the main table's date of that event, even where
     * it is also a stored status ('open'); the rows are bucketed by it, not filtered by the status.
     */
    private Optional<Col> participleDate(int before) {
        for (int k = before - 1; k >= 0; k--) {
            if (p.used(k) || !p.token(k).lower().endsWith("ed")) {
                continue;
            }
            List<Col> dates = p.dateColumnsAt(k).stream().filter(c -> c.table().equals(p.intent().table)).distinct().toList();
            if (dates.size() == 1) {
                p.use(p.mentionAt(k).start(), p.mentionAt(k).end());
                return Optional.of(dates.getFirst());
            }
        }
        return Optional.empty();
    }

    /** "a price above the average price": the average is what a row is compared with, not the answer. */
    private boolean comparedWith(int i) {
        int before = p.is(i - 1, "the") ? i - 2 : i - 1;
        String word = lower(before);
        return word.equals("than") || Cues.GREATER.contains(word) || Cues.LESS.contains(word);
    }

    private String lower(int i) {
        return p.token(i) == null ? "" : p.token(i).lower();
    }

    void aggregates() {
        for (int i = 0; i < p.tokens().size(); i++) {
            Intent.Aggregate a = Cues.AGGREGATES.get(p.token(i).lower());
            if (p.intent().aggregate != null && !p.used(i) && !comparedWith(i)) {
                furtherFigure(i);
            }
            if (a != null && !p.used(i) && (a == p.intent().aggregate || a == Intent.Aggregate.SUM && p.intent().count && p.is(i - 1, "in"))) {
                p.use(i, i + 1);  // "how many hours in total", "how many bookings in total": the measure was read already
            }
            if (a == null || p.used(i) || p.intent().aggregate != null || comparedWith(i)) {
                continue;
            }
            Optional<Col> col = p.nearColumn(i, 5, i, 3, c -> c.isNumeric() && !c.isKey());
            if (col.isEmpty() && p.mentionAt(i) != null) {
                col = p.columnsAt(i).stream().filter(Col::isNumeric).findFirst();
            }
            if (col.isEmpty() && !p.intent().count && !p.is(i - 1, "in") && a == Intent.Aggregate.SUM) {
                col = onlyAmount(p.token(i).raw());  // "the total value of our sales", "total payments last quarter"
                moneyWord(i + 1);
            }
            if (col.isPresent()) {
                p.intent().aggregate = a;
                p.intent().aggregated = col.get();
                p.intent().need(col.get());
                p.use(i, i + 1);
            }
        }
    }

    /**
     * "the total weight and the total declared value", "the average score and the best score": a further figure of
     * another column, or another figure of the column measured already.
     */
    private void furtherFigure(int i) {
        Intent.Aggregate a = Optional.ofNullable(Cues.AGGREGATES.get(p.token(i).lower())).orElseGet(() -> FURTHER.get(p.token(i).lower()));
        Intent intent = p.intent();
        if (a == null) {
            return;
        }
        Optional<Col> other = p.nearColumn(i, 3, 0, 0, c -> c.isNumeric() && !c.isKey() && !c.equals(intent.aggregated));
        if (other.isPresent()) {
            intent.alsoMeasured.add(new Intent.Measure(a, other.get()));
            intent.need(other.get());
            p.use(i, i + 1);
            return;
        }
        Optional<Col> same = a == intent.aggregate ? Optional.empty() : p.nearColumn(i, 3, 0, 0, intent.aggregated::equals);
        if (same.isPresent()) {
            intent.alsoAggregates.add(a);
            p.use(i, i + 1);
        }
    }

    /** Figures that only follow another one ("the average score and the best score"), beside {@link #FIGURES}. */
    private static final java.util.Map<String, Intent.Aggregate> FURTHER = java.util.Map.of(
            "best", Intent.Aggregate.MAX, "worst", Intent.Aggregate.MIN, "highest", Intent.Aggregate.MAX,
            "lowest", Intent.Aggregate.MIN, "largest", Intent.Aggregate.MAX, "smallest", Intent.Aggregate.MIN);

    void groups() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i)) {
                continue;
            }
            int target = groupTarget(i);
            if (target < 0) {
                GroupWords.ofType(p, i);
                continue;
            }
            Optional<Col> col = groupColumn(target);
            if (col.isPresent()) {
                p.intent().groupBy = col.get();
                p.intent().eachGroup = p.is(i, "each", "every");
                p.intent().need(col.get());
                p.use(i, p.mentionAt(target).end());
                if (!p.intent().isAggregate()) {
                    p.intent().count = true;
                }
            }
        }
    }

    /** "for each menu category": the main table's name (or part of a key's), then one of its columns, groups by that column. */
    private Optional<Col> ownColumnAfterTable(int at) {
        Mention here = p.mentionAt(at);
        Mention next = p.mentionAt(here.end());
        // the word names the main table, or only keys (part of "menu_item_id"), never a column to group by
        boolean qualifies = here.candidates().stream().anyMatch(c -> c.kind() == Term.Kind.TABLE && c.table().equals(p.intent().table))
                || here.candidates().stream().allMatch(c -> c.kind() == Term.Kind.COLUMN && c.column().isKey());
        if (next == null || p.used(here.end()) || !qualifies) {
            return Optional.empty();
        }
        Optional<Col> column = next.candidates().stream().filter(c -> c.kind() == Term.Kind.COLUMN
                && c.table().equals(p.intent().table) && !c.column().isKey()).map(Term::column).findFirst();
        column.ifPresent(c -> p.use(next.start(), next.end()));
        return column;
    }

    /** The index of the mention after "per", "for each", "in each", "by" (when counting), or -1. */
    private int groupTarget(int i) {
        int after;
        if (p.is(i, "per", "each", "every")) {
            after = p.skip(i + 1, "the", "single");
            if (p.is(i, "each", "every") && p.is(after, "one", "of")) {
                after = p.skip(after, "one", "of", "the", "our", "your", "their", "these", "those");  // "each of our vets"
            }
        } else if (p.is(i, "by") && (p.intent().isAggregate() || p.is(i - 1, "grouped", "group", "broken", "down", "split")
                || GroupWords.breakdownPhrase(p, i))) {
            after = p.skip(i + 1, "the");
            GroupWords.breakDown(p, i);
        } else {
            return -1;
        }
        after = GroupWords.pastKind(p, after);
        // "per payment method": the main table's own name may stand before the column it is grouped by
        return p.mentionAt(after) != null && (!p.used(after) || GroupWords.ownTableBeforeColumn(p, after)) ? after : -1;
    }

    private Optional<Col> groupColumn(int at) {
        Optional<Col> own = ownColumnAfterTable(at);
        if (own.isPresent()) {
            return own;
        }
        Term t = p.termAt(at).orElseThrow();
        if (t.kind() == Term.Kind.TABLE && !t.table().equals(p.intent().table) && p.usable(t.table())) {
            // "per client country", "per course level": the named column of that table, not its label
            Mention table = p.mentionAt(at);
            Mention next = p.mentionAt(table.end());
            if (next != null && !p.used(table.end())) {
                Optional<Term> column = next.candidates().stream()
                        .filter(c -> c.kind() == Term.Kind.COLUMN && c.table().equals(t.table()) && !c.column().isKey())
                        .max(java.util.Comparator.comparingDouble(Term::weight));
                if (column.isPresent()) {
                    p.use(next.start(), next.end());
                    return Optional.of(column.get().column());
                }
            }
            return Optional.of(Schema.labels(t.table()).getFirst());
        }
        // "what they cost per night": an amount of money is a measure, never a group
        return p.columnsAt(at).stream().filter(c -> !fractional(c)).findFirst();
    }

    static boolean fractional(Col c) {
        return c.expression() == null && FRACTIONAL.contains(c.column().type().toLowerCase(java.util.Locale.ROOT).replaceAll("\\(.*\\)", "").strip());
    }
}
