package io.dbchat.translator.offline;

import java.util.List;
import java.util.Set;

/**
 * "the salary ranges", "their price band": a range named by the word its two bounds share is both bound columns of the
 * main table (salary_min and salary_max, min_price and max_price), shown side by side. Only when exactly one such pair
 * exists; otherwise the word stays unread.
 */
final class ColumnRanges {

    private static final Set<String> RANGE = Set.of("range", "band", "bracket", "span");
    private static final Set<String> LOWER = Set.of("min", "minimum", "low", "lower", "lowest", "from", "start", "floor");
    private static final Set<String> UPPER = Set.of("max", "maximum", "high", "upper", "highest", "to", "end", "ceiling", "cap");

    private final IntentParser p;

    ColumnRanges(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        for (int i = 1; i < p.tokens().size(); i++) {
            if (p.used(i) || !RANGE.contains(p.token(i).word()) || p.used(i - 1)) {
                continue;
            }
            String shared = p.token(i - 1).word();
            List<Col> lower = bounds(shared, LOWER);
            List<Col> upper = bounds(shared, UPPER);
            if (lower.size() != 1 || upper.size() != 1) {
                continue;
            }
            for (Col c : List.of(lower.getFirst(), upper.getFirst())) {
                if (!p.intent().select.contains(c)) {
                    p.intent().select.add(c);
                }
            }
            Mention m = p.mentionAt(i - 1);
            p.use(m == null ? i - 1 : Math.min(m.start(), i - 1), i + 1);
        }
    }

    /** The main table's numbers named by {@code shared} and one of {@code bound}: salary_min for "salary" and "min". */
    private List<Col> bounds(String shared, Set<String> bound) {
        return Schema.visible(p.intent().table).stream().filter(c -> c.isNumeric() && !c.isKey())
                .filter(c -> {
                    List<String> words = c.words();
                    return words.size() == 2 && words.contains(shared) && words.stream().anyMatch(bound::contains);
                }).toList();
    }
}
