package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Numeric and date conditions: "more than 5 pages", "budget over 100k", "at least", "between 10 and 20",
 * "before 2024", "after 2022", "in 2025", "in March 2024", "since 2020", "between 2019 and 2021",
 * "last month", "this year", "in the last 30 days". The column is the nearest fitting one mentioned,
 * else the table's first date column for dates or its only quantity for numbers.
 */
final class Comparisons {

    private final IntentParser p;

    Comparisons(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (!p.used(i)) {
                if (!relative(i) && !dated(i)) {
                    numeric(i);
                }
            }
        }
    }

    /** True when a numeric or date condition starts at {@code i}, so a column before it is compared, not tested for NULL. */
    boolean followsComparison(int i) {
        return p.is(i, "before", "after", "since", "until", "between", "over", "under", "above", "below", "at", "exactly")
                || p.token(i) != null && (Cues.GREATER.contains(p.token(i).lower()) || Cues.LESS.contains(p.token(i).lower()))
                || startsPeriod(i);
    }

    /** "last month", "today", "in the past 7 days", "in 2024", "during March 2024": a period a date falls in. */
    private boolean startsPeriod(int i) {
        if (p.is(i, "last", "this", "past", "previous", "current", "today", "yesterday")) {
            return true;
        }
        int at = p.skip(i + 1, "the");
        return p.is(i, "in", "during", "within", "on", "of")
                && (p.is(at, "last", "this", "past", "previous", "current") || isDateAt(at)) || ToDate.at(p, i) != null;
    }

    // ---- relative dates ----

    private boolean relative(int i) {
        ToDate.Period toDate = ToDate.at(p, i);
        if (toDate != null) {
            return dateFilter(toDate.from(), toDate.to(), toDate.template());
        }
        if (p.is(i, "today", "yesterday")) {
            return dateFilter(i, i + 1, "%1$s = current_date" + (p.is(i, "yesterday") ? " - 1" : ""));
        }
        if (p.is(i, "next", "coming") && p.token(i + 1) != null && p.token(i + 1).raw().matches("\\d{1,4}")) {
            return ahead(i);
        }
        if (p.is(i, "next", "coming") && p.token(i + 1) != null && !p.token(i + 1).isNumber()) {
            String unit = p.is(i + 1, "week") ? "week" : p.is(i + 1, "month") ? "month" : p.is(i + 1, "year") ? "year"
                    : p.is(i + 1, "quarter") ? "quarter" : null;
            if (unit == null) {
                return false;
            }
            String trunc = "date_trunc('" + unit + "', current_date)";
            int start = p.is(i - 1, "the") && p.is(i - 2, "in", "during", "for") ? i - 2 : p.is(i - 1, "in", "during", "for") ? i - 1 : i;
            return dateFilter(start, i + 2, "%1$s >= " + trunc + " + " + interval(1, unit) + " AND %1$s < "
                    + trunc + " + " + interval(2, unit));
        }
        if (!p.is(i, "last", "this", "past", "previous", "current")) {
            return false;
        }
        boolean current = p.is(i, "this", "current");
        int n = p.token(i + 1) != null && p.token(i + 1).isNumber() ? Integer.parseInt(p.token(i + 1).raw()) : 0;
        int unitAt = n > 0 ? i + 2 : i + 1;
        String unit = p.is(unitAt, "day") ? "day" : p.is(unitAt, "week") ? "week" : p.is(unitAt, "month") ? "month"
                : p.is(unitAt, "year") ? "year" : p.is(unitAt, "quarter") ? "quarter"
                : n > 0 && p.is(unitAt, "hour") ? "hour" : n > 0 && p.is(unitAt, "minute") ? "minute" : null;
        if (unit == null) {
            return false;
        }
        int start = p.is(i - 1, "the") && p.is(i - 2, "in", "during", "over", "within") ? i - 2 : p.is(i - 1, "in", "during") ? i - 1 : i;
        if (n == 0 && !current && p.is(i - 1, "the") && !unit.equals("day")) {
            n = 1;  // "in the past year" is the year up to today; "last year" the calendar year before this one
        }
        return dateFilter(start, unitAt + 1, relativeTemplate(unit, n, current));
    }

    /** "in the next 30 days": from today up to that many units ahead (from now on, for moments). */
    private boolean ahead(int i) {
        int n = Integer.parseInt(p.token(i + 1).raw());
        String unit = p.is(i + 2, "day") ? "day" : p.is(i + 2, "week") ? "week" : p.is(i + 2, "month") ? "month"
                : p.is(i + 2, "year") ? "year" : null;
        if (unit == null || n <= 0) {
            return false;
        }
        int start = p.is(i - 1, "the") && p.is(i - 2, "in", "during", "over", "within") ? i - 2 : p.is(i - 1, "in", "within") ? i - 1 : i;
        return dateFilter(start, i + 3, "%1$s >= current_date AND %1$s < current_date + " + interval(n, unit));
    }

    private static String relativeTemplate(String unit, int n, boolean current) {
        if (n > 0 && (unit.equals("hour") || unit.equals("minute"))) {
            return "%1$s >= now() - " + interval(n, unit);
        }
        if (n > 0) {
            return "%1$s >= current_date - " + interval(n, unit) + " AND %1$s <= current_date";
        }
        if (unit.equals("day")) {
            return "%1$s = current_date" + (current ? "" : " - 1");
        }
        String trunc = "date_trunc('" + unit + "', current_date)";
        return current
                ? "%1$s >= " + trunc + " AND %1$s < " + trunc + " + " + interval(1, unit)
                : "%1$s >= " + trunc + " - " + interval(1, unit) + " AND %1$s < " + trunc;
    }

    /** {@code n} units as a PostgreSQL interval, which knows no quarters: "interval '3 months'" for one. */
    static String interval(int n, String unit) {
        return unit.equals("quarter") ? "interval '" + 3 * n + " months'" : "interval '" + n + " " + unit + (n == 1 ? "'" : "s'");
    }

    // ---- absolute dates ----

    private boolean dated(int i) {
        if (p.is(i, "between", "from") && isDateAt(i + 1) && p.is(nextAfterDate(i + 1), "and", "to", "until")) {
            int second = nextAfterDate(i + 1) + 1;
            if (isDateAt(second)) {
                return dateFilter(i, nextAfterDate(second), "%1$s >= " + lit(start(i + 1)) + " AND %1$s < " + lit(end(second)));
            }
        }
        String cue = p.is(i, "before", "until", "till", "prior") ? "before" : p.is(i, "after", "since") ? p.token(i).lower()
                : p.is(i, "in", "during", "on", "of") ? "in" : null;
        int at = p.skip(i + 1, "to", "the", "year");
        if (cue == null || !isDateAt(at)) {
            return false;
        }
        int end = nextAfterDate(at);
        String template = switch (cue) {
            case "before" -> "%1$s < " + lit(start(at));
            case "after" -> "%1$s >= " + lit(end(at));
            case "since" -> "%1$s >= " + lit(start(at));
            default -> "%1$s >= " + lit(start(at)) + " AND %1$s < " + lit(end(at));
        };
        return dateFilter(i, end, template);
    }

    private boolean isDateAt(int i) {
        Token t = p.token(i);
        if (t == null) {
            return false;
        }
        return t.isDate() || t.isYear() || Cues.MONTHS.contains(t.lower()) && p.token(i + 1) != null && p.token(i + 1).isYear();
    }

    private int nextAfterDate(int i) {
        return Cues.MONTHS.contains(p.token(i).lower()) ? i + 2 : i + 1;
    }

    /** The first day of the date, month or year at {@code i}. */
    private LocalDate start(int i) {
        Token t = p.token(i);
        if (t.isDate()) {
            return LocalDate.parse(t.raw());
        }
        if (Cues.MONTHS.contains(t.lower())) {
            return LocalDate.of(Integer.parseInt(p.token(i + 1).raw()), Cues.MONTHS.indexOf(t.lower()) + 1, 1);
        }
        return LocalDate.of(Integer.parseInt(t.raw()), 1, 1);
    }

    /** The first day after the date, month or year at {@code i}. */
    private LocalDate end(int i) {
        Token t = p.token(i);
        return t.isDate() ? start(i).plusDays(1) : Cues.MONTHS.contains(t.lower()) ? start(i).plusMonths(1) : start(i).plusYears(1);
    }

    private static String lit(LocalDate d) {
        return "DATE '" + d + "'";
    }

    private boolean dateFilter(int from, int to, String template) {
        Optional<Col> col = p.nearColumn(to - 1, 2, from, 5, c -> c.isDate() || c.isYear()).or(() -> verbOfDate(from))
                .or(() -> PeriodDates.endingVerb(p, from)).or(() -> PeriodDates.verbOfOnlyDate(p, from))
                .or(() -> PeriodDates.ofRowsNamedBefore(p, from, to))
                .or(() -> PeriodDates.unnamed(p, from, to, true));
        if (col.isEmpty()) {
            return false;
        }
        String t = col.get().isYear() ? yearTemplate(template) : col.get().isTimestamp()
                // a moment, not a day: "the last 30 days" of timestamps runs from now() back, today's hours included
                ? template.replace("current_date - interval", "now() - interval").replace("<= current_date", "<= now()")
                        .replace(">= current_date AND %1$s < current_date + interval", ">= now() AND %1$s < now() + interval")
                : template;
        if (t == null) {
            return false;
        }
        p.intent().filter(col.get(), t);
        p.use(from, to);
        PeriodDates.newRows(p, col.get());
        return true;
    }

    /**
     * "flights departed in the last 30 days": a word right before the period that names a date column, even when it
     * also matches a stored status ('departed'), is that date's verb; marked used, it filters no status.
     */
    private Optional<Col> verbOfDate(int from) {
        for (int k = from - 1; k >= Math.max(0, from - 2); k--) {
            List<Col> dates = p.used(k) ? List.of() : p.dateColumnsAt(k);
            if (!dates.isEmpty()) {
                p.use(p.mentionAt(k).start(), p.mentionAt(k).end());
                return Optional.of(dates.getFirst());
            }
        }
        return Optional.empty();
    }

    /** A year stored as a number compares with years, not dates; a period shorter than a year cannot (null). */
    private static String yearTemplate(String template) {
        if (template.contains("date_trunc('year', current_date) - interval '1 year'")) {
            return "%1$s = extract(year from current_date) - 1";
        }
        if (template.contains("date_trunc('year', current_date) + interval '1 year' AND")) {
            return "%1$s = extract(year from current_date) + 1";
        }
        if (template.contains("date_trunc('year', current_date)")) {
            return "%1$s = extract(year from current_date)";
        }
        if (template.contains("interval") || template.contains("date_trunc")) {
            return null;
        }
        return template.replaceAll("DATE '(\\d{4})-\\d\\d-\\d\\d'", "$1")
                .replace("current_date", "extract(year from current_date)");
    }

    // ---- numbers ----

    private void numeric(int i) {
        String op = null;
        int numberAt = -1;
        if ((Cues.GREATER.contains(p.token(i).lower()) || Cues.LESS.contains(p.token(i).lower()))) {
            boolean greater = Cues.GREATER.contains(p.token(i).lower());
            boolean negated = p.is(i - 1, "no", "not");
            op = negated ? (greater ? "<=" : ">=") : (greater ? ">" : "<");
            numberAt = p.skip(i + 1, "than", "of", "a", "an", "the");
            if (!p.is(i + 1, "than") && !isNumber(numberAt) && !p.is(numberAt, "average", "mean", "their", "its")) {
                numberAt = -1;  // "more than their days" compares with a column; "more tasks" is no comparison
            }
            i = negated ? i - 1 : i;
        } else if (p.is(i, "at") && p.is(i + 1, "least", "most")) {
            op = p.is(i + 1, "least") ? ">=" : "<=";
            numberAt = i + 2;
        } else if (p.is(i, "exactly", "equal", "equals")) {
            op = "=";
            numberAt = p.skip(i + 1, "to");
        } else if (p.is(i, "between") && isNumber(i + 1) && p.is(i + 2, "and") && isNumber(i + 3)) {
            compare(i, i + 4, i + 3, "%1$s BETWEEN " + p.token(i + 1).raw() + " AND " + p.token(i + 3).raw());
            return;
        }
        if (op != null && isNumber(numberAt)) {
            compare(i, numberAt + 1, numberAt, "%1$s " + op + " " + p.token(numberAt).raw());
        } else if (op != null && numberAt >= 0) {
            againstColumn(i, p.skip(numberAt, "their", "its", "the", "his", "her"), op);
        }
    }

    /**
     * "a dose larger than their number of days": one column against another of the same row; "a price above the
     * average price": against the average of the whole table.
     */
    private void againstColumn(int from, int at, String op) {
        boolean average = p.is(at, "average", "mean");
        int colAt = average ? p.skip(at + 1, "of") : p.skip(at, "number", "of");
        Optional<Col> other = p.columnsAt(colAt).stream().filter(c -> c.isNumeric() && !c.isKey() && c.expression() == null).findFirst();
        if (other.isEmpty() || p.used(colAt)) {
            return;
        }
        Optional<Col> col = average ? Optional.of(other.get())
                : p.nearColumn(from, 0, from, 5, c -> c.isNumeric() && !c.isKey() && c.expression() == null && !c.equals(other.get()));
        if (col.isEmpty() || !col.get().table().equals(other.get().table())) {
            return;
        }
        if (average) {
            p.nearColumn(from, 0, from, 4, c -> c.equals(other.get()));  // "a rate above the average rate": the same column
            p.intent().filter(col.get(), "%1$s " + op + " (SELECT avg(" + Sql.ident(other.get().column().name()) + ") FROM "
                    + Sql.table(other.get().table()) + ")");
        } else {
            p.intent().filter(col.get(), "%1$s " + op + " %2$s", other.get());
        }
        p.use(from, p.mentionAt(colAt).end());
        if (average) {
            p.use(at, at + 1);
        }
    }

    /**
     * "returned late", "paid late": the event's date after the row's due date; "overdue": the due date passed and the
     * event's date still empty. The due date is the date column named due or deadline; the event's is the one named.
     */
    /** The date column of {@code due}'s table named in the 4 words before {@code i} ("paid late" → paid_on), marked used. */
    private Optional<Col> dateNamedBefore(int i, Col due) {
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            Mention m = p.mentionAt(k);
            if (m == null || p.used(k)) {
                continue;
            }
            Optional<Col> date = m.candidates().stream().filter(t -> t.kind() == Term.Kind.COLUMN && t.column().isDate()
                    && !t.column().equals(due) && t.table().equals(due.table())).map(Term::column).findFirst();
            if (date.isPresent()) {
                p.use(m.start(), m.end());
                return date;
            }
        }
        return Optional.empty();
    }

    void lateness() {
        for (int i = 0; i < p.tokens().size(); i++) {
            // a stored status 'Overdue' of these rows says it better than the dates; another table's does not
            // ("open tasks that are overdue" reads the tasks' own due date, not their project's invoices' status)
            if (p.used(i) || !p.is(i, "late", "overdue", "early") || p.mentionAt(i) != null
                    && p.mentionAt(i).of(Term.Kind.VALUE).stream().anyMatch(t -> t.table().equals(p.intent().table))) {
                continue;
            }
            Optional<Col> due = Schema.visible(p.intent().table).stream()
                    .filter(c -> c.isDate() && (c.words().contains("due") || c.words().contains("deadline")))
                    .findFirst();
            if (due.isEmpty()) {
                continue;
            }
            Optional<Col> event = dateNamedBefore(i, due.get());
            if (p.is(i, "overdue")) {
                Optional<Col> open = event.or(() -> Schema.visible(p.intent().table).stream()
                        .filter(c -> c.isDate() && c.column().nullable() && !c.equals(due.get())).findFirst());
                if (open.isEmpty()) {
                    continue;
                }
                p.intent().filter(open.get(), "%1$s IS NULL AND %2$s < current_date", due.get());
                // the catalog does not say what overdue is: the dates are one reading of it
                p.assume("'" + p.token(i).raw() + "' read as " + open.get().name() + " empty and " + due.get().name() + " before today");
            } else if (event.isPresent()) {
                p.intent().filter(event.get(), "%1$s " + (p.is(i, "early") ? "<" : ">") + " %2$s", due.get());
            } else {
                continue;
            }
            p.use(i, i + 1);
        }
    }

    private boolean isNumber(int i) {
        return p.token(i) != null && p.token(i).isNumber();
    }

    private void compare(int from, int to, int numberAt, String template) {
        Optional<Col> col = p.nearColumn(numberAt, 4, from, 5, c -> c.isNumeric() && !c.isKey());
        if (col.isEmpty()) {
            col = onlyQuantity(p.intent().table);
        }
        if (col.isPresent()) {
            p.intent().filter(col.get(), template);
            p.use(from, to);
        }
    }

    private static Optional<Col> onlyQuantity(TableSchema table) {
        var numbers = Schema.visible(table).stream().filter(c -> c.isNumeric() && !c.isKey()).toList();
        return numbers.size() == 1 ? Optional.of(numbers.getFirst()) : Optional.empty();
    }
}
