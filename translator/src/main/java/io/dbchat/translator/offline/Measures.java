package io.dbchat.translator.offline;

import java.util.Optional;

/**
 * What a question measures: a count ("how many", "number of"), a sum of a quantity ("how many hours"),
 * an aggregate ("average salary", "total budget") and its grouping ("per team", "for each status",
 * "by priority"); a group on a neighbouring table groups by that table's label, joined.
 */
final class Measures {

    private final IntentParser p;

    Measures(IntentParser parser) {
        this.p = parser;
    }

    void counts() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.is(i, "how") && p.is(i + 1, "many", "much")) {
                p.use(i, i + 2);
                Optional<Col> quantity = p.columnsAt(i + 2).stream().filter(c -> c.isNumeric() && !c.isKey()).findFirst();
                if (quantity.isPresent()) {
                    p.intent().aggregate = Intent.Aggregate.SUM;
                    p.intent().aggregated = quantity.get();
                    p.intent().need(quantity.get());
                    p.use(i + 2, p.mentionAt(i + 2).end());
                } else {
                    p.intent().count = true;
                }
            } else if (p.is(i, "number") && p.is(i + 1, "of") && !p.used(i) && Cues.AGGREGATES.containsKey(lower(i - 1))
                    && p.columnsAt(i + 2).stream().anyMatch(c -> c.isNumeric() && !c.isKey())) {
                p.use(i, i + 2);  // "the average number of pages" is the average of a quantity, not a count
            } else if (p.is(i, "number") && p.is(i + 1, "of") && !p.used(i)) {
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

    private String lower(int i) {
        return p.token(i) == null ? "" : p.token(i).lower();
    }

    void aggregates() {
        for (int i = 0; i < p.tokens().size(); i++) {
            Intent.Aggregate a = Cues.AGGREGATES.get(p.token(i).lower());
            if (a != null && !p.used(i) && a == p.intent().aggregate) {
                p.use(i, i + 1);  // "how many hours in total": the sum was read already
            }
            if (a == null || p.used(i) || p.intent().aggregate != null) {
                continue;
            }
            Optional<Col> col = p.nearColumn(i, 5, i, 3, c -> c.isNumeric() && !c.isKey());
            if (col.isEmpty() && p.mentionAt(i) != null) {
                col = p.columnsAt(i).stream().filter(Col::isNumeric).findFirst();
            }
            if (col.isPresent()) {
                p.intent().aggregate = a;
                p.intent().aggregated = col.get();
                p.intent().need(col.get());
                p.use(i, i + 1);
            }
        }
    }

    void groups() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i)) {
                continue;
            }
            int target = groupTarget(i);
            if (target < 0) {
                continue;
            }
            Optional<Col> col = groupColumn(target);
            if (col.isPresent()) {
                p.intent().groupBy = col.get();
                p.intent().need(col.get());
                p.use(i, p.mentionAt(target).end());
                if (!p.intent().isAggregate()) {
                    p.intent().count = true;
                }
            }
        }
    }

    /** The index of the mention after "per", "for each", "in each", "by" (when counting), or -1. */
    private int groupTarget(int i) {
        int after;
        if (p.is(i, "per", "each", "every")) {
            after = p.skip(i + 1, "the", "single");
        } else if (p.is(i, "by") && (p.intent().isAggregate() || p.is(i - 1, "grouped", "group", "broken"))) {
            after = p.skip(i + 1, "the");
        } else {
            return -1;
        }
        return p.mentionAt(after) != null && !p.used(after) ? after : -1;
    }

    private Optional<Col> groupColumn(int at) {
        Term t = p.termAt(at).orElseThrow();
        if (t.kind() == Term.Kind.TABLE && !t.table().equals(p.intent().table) && p.usable(t.table())) {
            return Optional.of(Schema.labels(t.table()).getFirst());
        }
        return p.columnsAt(at).stream().findFirst();
    }
}
