package io.dbchat.translator.offline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which date a period ("last year", "in the next 90 days") falls on when no word names one: a verb of ending before the
 * period ("expire", "end", "close") names the row's one end date; otherwise the table's first date is taken, and when
 * it has several the reading is stated, since another date may have been meant ("jobs filled last year").
 */
final class PeriodDates {

    /** Beginnings of verbs that end a row: "expire(s/d)", "ending", "closes", "lapsed", "terminated", "churn". */
    private static final List<String> ENDING = List.of("expir", "end", "finish", "clos", "terminat", "laps", "churn",
            "cancel", "retir", "resign");

    private PeriodDates() {
    }

    /** "policies that expire in the next 90 days": the main table's one date that ends a row, for a verb of ending. */
    static Optional<Col> endingVerb(IntentParser p, int from) {
        for (int k = from - 1; k >= Math.max(0, from - 2); k--) {
            String word = p.token(k).lower();
            if (p.used(k) || ENDING.stream().noneMatch(word::startsWith) || word.length() > 11) {
                continue;
            }
            List<Col> ends = OrmColumns.businessEnds(Schema.visible(p.intent().table).stream().filter(Col::isDate)
                    .filter(c -> c.words().stream().anyMatch(Restrictions.ENDS::contains)).toList());
            if (ends.size() == 1) {
                p.use(k, k + 1);
                p.assume("'" + p.token(k).raw() + "' read as " + ends.getFirst().name());
                return Optional.of(ends.getFirst());
            }
        }
        return Optional.empty();
    }

    /** States that the period was read on the table's first date when it has others a question could mean. */
    static void assumeFirst(IntentParser p, Col date, int from, int to) {
        Set<Col> dates = Set.copyOf(Schema.visible(p.intent().table).stream().filter(c -> c.isDate() || c.isYear()).toList());
        if (dates.size() > 1) {
            String words = String.join(" ", p.tokens().subList(from, Math.min(to, p.tokens().size())).stream().map(Token::raw).toList());
            p.assume("'" + words + "' read on " + date.name() + ", one of several dates of " + p.intent().table.name());
        }
    }
}
