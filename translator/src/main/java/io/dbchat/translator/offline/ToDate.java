package io.dbchat.translator.offline;

/**
 * Periods that run up to today: "year to date" (and "YTD", "month to date", "quarter-to-date"), "so far this year",
 * "this month so far", and "since January" (a month without a year: its latest start, this year's or, when that month
 * has not come yet, last year's). Each is read as a condition template on a date, {@code %1$s} for the column, that
 * {@link Comparisons} places on the date the question means; a timestamp's "today" is now().
 */
final class ToDate {

    /** A period read from the words {@code from} (inclusive) to {@code to} (exclusive). */
    record Period(int from, int to, String template) {
    }

    private static final java.util.Map<String, String> SHORT = java.util.Map.of("ytd", "year", "mtd", "month", "qtd", "quarter",
            "wtd", "week");
    private static final java.util.List<String> UNITS = java.util.List.of("year", "quarter", "month", "week");

    private ToDate() {
    }

    /** The period to date that starts at {@code i}, or null. */
    static Period at(IntentParser p, int i) {
        String unit;
        int end;
        if (p.token(i) != null && SHORT.containsKey(p.token(i).lower())) {
            unit = SHORT.get(p.token(i).lower());
            end = i + 1;
        } else if (unitAt(p, i) != null && p.is(i + 1, "to") && p.is(i + 2, "date")) {
            unit = unitAt(p, i);  // "year to date", "year-to-date"
            end = i + 3;
        } else if (p.is(i, "so") && p.is(i + 1, "far") && p.is(i + 2, "this", "in") && unitAt(p, p.skip(i + 3, "the")) != null) {
            unit = unitAt(p, p.skip(i + 3, "the"));  // "so far this year", "so far in the month"
            end = p.skip(i + 3, "the") + 1;
        } else if (p.is(i, "this") && unitAt(p, i + 1) != null && p.is(i + 2, "so") && p.is(i + 3, "far")) {
            unit = unitAt(p, i + 1);  // "this year so far"
            end = i + 4;
        } else if (p.is(i, "since") && p.token(i + 1) != null && Cues.MONTHS.contains(p.token(i + 1).lower())
                && (p.token(i + 2) == null || !p.token(i + 2).isYear() && !p.token(i + 2).isNumber())) {
            int month = Cues.MONTHS.indexOf(p.token(i + 1).lower()) + 1;
            String start = "date_trunc('year', current_date) + interval '" + (month - 1) + " months'"
                    + " - CASE WHEN extract(month FROM current_date) < " + month + " THEN interval '1 year' ELSE interval '0 days' END";
            return new Period(i, i + 2, "%1$s >= " + start + " AND %1$s <= current_date");
        } else {
            return null;
        }
        // "in the year to date", "for the year to date", "over the year to date": the preposition belongs to the period
        int from = i;
        if (p.is(i - 1, "the") && p.is(i - 2, "in", "for", "over", "during")) {
            from = i - 2;
        } else if (p.is(i - 1, "the", "in", "for")) {
            from = i - 1;
        }
        return new Period(from, end, "%1$s >= date_trunc('" + unit + "', current_date) AND %1$s <= current_date");
    }

    private static String unitAt(IntentParser p, int i) {
        return p.token(i) == null ? null : UNITS.stream().filter(u -> p.is(i, u)).findFirst().orElse(null);
    }
}
