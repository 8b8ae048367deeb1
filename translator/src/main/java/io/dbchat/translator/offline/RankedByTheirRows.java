package io.dbchat.translator.offline;

/**
 * "which menu items were ordered in the largest quantities", "the hotel with the most expensive room": a superlative
 * over a column of rows that belong to the ones asked about (several order lines per menu item) cannot order those
 * rows by it, as each has many values; listing them by it would show a row once per value and cut at the wrong place.
 * The rows are ranked by an aggregate of their rows' values instead: the sum where the column's word is plural or
 * follows "in" ("in tips": they add up), else the largest (smallest) one; a time superlative of a date is the latest
 * (earliest) of them. Any other date, or a key, has no such reading: the superlative is asked about. Either way the reading is stated.
 */
final class RankedByTheirRows {

    private RankedByTheirRows() {
    }

    /**
     * Applies when {@code col} is of rows belonging to the main table's; {@code word} is the superlative's first token,
     * {@code wordEnd} the token after it. Returns false when the column is the main table's own (nothing to do here).
     */
    static boolean apply(IntentParser p, int word, int wordEnd, Col col, boolean descending) {
        Intent intent = p.intent();
        if (col.table().equals(intent.table) || intent.isAggregate() || intent.groupBy != null
                || !GroupedRanking.belongs(intent, col.table())) {
            return false;
        }
        // "the most recent arrival": a time superlative over a date of their rows is the latest (earliest) of them
        boolean dated = col.isDate() && Rankings.TIMES.contains(p.token(wordEnd - 1).lower());
        if (!dated && (!col.isNumeric() || col.isKey() || col.expression() != null)) {
            p.decisive(word);  // "the most popular starting points": each station has many start times
            return true;
        }
        int named = namedAt(p, wordEnd, col);
        boolean summed = !dated && named >= 0 && (!p.token(named).lower().equals(p.token(named).word()) || p.is(named - 1, "in"));
        intent.aggregate = summed ? Intent.Aggregate.SUM : descending ? Intent.Aggregate.MAX : Intent.Aggregate.MIN;
        intent.aggregated = col;
        intent.need(col);
        intent.rankRows = true;
        intent.order = new Intent.Order(Schema.labels(intent.table).getFirst(), descending);
        if (intent.limit == null) {
            intent.limit = 1;
        }
        String phrase = String.join(" ", p.tokens().subList(word, Math.max(wordEnd, named + 1)).stream().map(Token::raw).toList());
        p.use(word, wordEnd);
        String figure = summed ? "the total " : dated ? (descending ? "the latest " : "the earliest ")
                : descending ? "the highest " : "the lowest ";
        p.assume("'" + phrase + "' read as " + figure
                + col.name() + " of the " + col.table().name() + " of each of the " + intent.table.name());
        return true;
    }

    /** The token naming {@code col} within three after {@code from}, or -1. */
    private static int namedAt(IntentParser p, int from, Col col) {
        for (int i = from; i < from + 4 && i < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i);
            if (m != null && m.of(Term.Kind.COLUMN).stream().anyMatch(t -> col.equals(t.column()))) {
                return m.end() - 1;
            }
        }
        return -1;
    }
}
