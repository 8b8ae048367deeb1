package io.dbchat.translator.offline;

import java.util.List;
import java.util.Set;

/**
 * "revenue per month", "fee income per month", "invoice totals by quarter": a word for money taken, with a grouping and
 * no count asked, sums the main table's one amount of money instead of counting its rows (stated as assumed). With no
 * such amount, or several, the word is asked about: a count of the rows would not be the money asked for.
 */
final class MoneyWords {

    /** Words for money taken or the sum of it, none of which names a column. */
    private static final Set<String> TAKEN = Set.of("revenue", "income", "takings", "turnover", "total", "totals", "earnings");

    private final IntentParser p;

    MoneyWords(IntentParser parser) {
        this.p = parser;
    }

    /** Called once the groups are read; {@code countAsked} when the question asked for a count itself. */
    void apply(boolean countAsked) {
        Intent intent = p.intent();
        if (countAsked || intent.aggregate != null || intent.groupBy == null) {
            return;
        }
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i) || p.mentionAt(i) != null || !TAKEN.contains(p.token(i).lower())) {
                continue;
            }
            List<Col> amounts = Schema.visible(intent.table).stream()
                    .filter(c -> c.isNumeric() && !c.isKey() && c.expression() == null && Measures.fractional(c)).toList();
            if (amounts.size() != 1) {
                p.decisive(i);  // "sales revenue by buyer" with a quantity and a price: a count of sales is not it
                return;
            }
            intent.count = false;
            intent.aggregate = Intent.Aggregate.SUM;
            intent.aggregated = amounts.getFirst();
            p.use(i, i + 1);
            p.assume("'" + p.token(i).raw() + "' read as the sum of " + amounts.getFirst().name());
            return;
        }
    }
}
