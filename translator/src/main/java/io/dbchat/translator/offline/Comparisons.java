package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.time.LocalDate;
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
                && (p.is(at, "last", "this", "past", "previous", "current") || isDateAt(at));
    }

    // ---- relative dates ----

    private boolean relative(int i) {
        if (p.is(i, "today", "yesterday")) {
            return dateFilter(i, i + 1, "%1$s = current_date" + (p.is(i, "yesterday") ? " - 1" : ""));
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
        return dateFilter(start, unitAt + 1, relativeTemplate(unit, n, current));
    }

    private static String relativeTemplate(String unit, int n, boolean current) {
        if (n > 0 && (unit.equals("hour") || unit.equals("minute"))) {
            return "%1$s >= now() - interval '" + n + " " + unit + "s'";
        }
        if (n > 0) {
            return "%1$s >= current_date - interval '" + n + " " + unit + "s' AND %1$s <= current_date";
        }
        if (unit.equals("day")) {
            return "%1$s = current_date" + (current ? "" : " - 1");
        }
        String trunc = "date_trunc('" + unit + "', current_date)";
        return current
                ? "%1$s >= " + trunc + " AND %1$s < " + trunc + " + interval '1 " + unit + "'"
                : "%1$s >= " + trunc + " - interval '1 " + unit + "' AND %1$s < " + trunc;
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
        Optional<Col> col = p.nearColumn(to - 1, 2, from, 5, c -> c.isDate() || c.isYear());
        if (col.isEmpty()) {
            col = defaultDate(p.intent().table);
        }
        if (col.isEmpty()) {
            return false;
        }
        String t = col.get().isYear() ? yearTemplate(template) : template;
        p.intent().filter(col.get(), t);
        p.use(from, to);
        return true;
    }

    /** A year stored as a number compares with years, not dates. */
    private static String yearTemplate(String template) {
        return template.replaceAll("DATE '(\\d{4})-\\d\\d-\\d\\d'", "$1")
                .replace("current_date", "extract(year from current_date)");
    }

    private static Optional<Col> defaultDate(TableSchema table) {
        return Schema.visible(table).stream().filter(Col::isDate).findFirst()
                .or(() -> Schema.visible(table).stream().filter(Col::isYear).findFirst());
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
