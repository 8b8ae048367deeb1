package io.dbchat.translator.offline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Show the repair costs per year", "what did repairs cost per quarter": rows grouped without a count being asked for,
 * with an amount of the main table named, are totalled per group (the reading is stated, as a count was the other
 * one). Only amounts that add up (costs, fees, revenue), never rates, scores or sizes, whose sum means nothing.
 */
final class GroupTotals {

    /** Words of a column's name that make it an amount that adds up over rows. */
    private static final Set<String> ADDITIVE = Set.of("cost", "amount", "revenue", "fee", "paid", "total", "value",
            "income", "expense", "charge", "spend", "spent", "sale", "takings", "payout", "commission");

    private final IntentParser p;

    GroupTotals(IntentParser parser) {
        this.p = parser;
    }

    /** Applies when the rows are grouped and neither a count nor a figure was asked for ({@code countAsked} false). */
    void apply(boolean countAsked) {
        Intent intent = p.intent();
        if (intent.groupBy == null || countAsked || intent.aggregate != null || intent.rankRows || intent.limit != null) {
            return;
        }
        for (int i = 0; i < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i);
            if (m == null || m.start() != i || p.used(i) || compared(m)) {
                continue;
            }
            Optional<Col> amount = p.columnsAt(i).stream().filter(this::additive).findFirst();
            if (amount.isPresent()) {
                intent.count = false;
                intent.aggregate = Intent.Aggregate.SUM;
                intent.aggregated = amount.get();
                intent.need(amount.get());
                p.use(m.start(), m.end());
                p.assume("'" + raw(m) + "' read as the total of " + amount.get().name() + " per " + intent.groupBy.name()
                        + ", not a count of " + intent.table.name());
                return;
            }
        }
    }

    /**
     * "the pet weights per species", "the scores per course": a quantity named in a question that counts or measures,
     * which is neither what is measured nor a group nor a condition, cannot be shown beside the figures; it is left for
     * the translator to ask about rather than silently dropped.
     */
    void unshown(List<Integer> mentionStarts) {
        Intent intent = p.intent();
        if (!intent.isAggregate() || intent.rankRows) {
            return;
        }
        for (int i : mentionStarts) {
            // only quantities: a date's or a key's word is mostly the verb or noun of the rows ("the highest due fee",
            // "policies each agent sold"), a text's a condition read elsewhere
            List<Col> cols = p.columnsAt(i).stream().filter(c -> c.isNumeric() && !c.isKey() && c.expression() == null).toList();
            boolean placed = cols.stream().anyMatch(c -> c.equals(intent.groupBy) || c.equals(intent.aggregated)
                    || intent.filters.stream().anyMatch(f -> c.equals(f.column()) || c.equals(f.other()))
                    || intent.alsoMeasured.stream().anyMatch(m -> c.equals(m.column())));
            if (!cols.isEmpty() && !placed && cols.stream().allMatch(c -> intent.select.contains(c))) {
                p.decisive(i);
            }
        }
    }

    private boolean additive(Col c) {
        return c.table().equals(p.intent().table) && c.isNumeric() && !c.isKey() && c.expression() == null
                && c.words().stream().anyMatch(ADDITIVE::contains);
    }

    /** "with a cost over 500" is a condition, not the measure. */
    private boolean compared(Mention m) {
        Token before = p.token(m.start() - 1);
        Token after = p.token(m.end());
        return before != null && (before.is("than") || Cues.GREATER.contains(before.lower()) || Cues.LESS.contains(before.lower()))
                || after != null && (after.isNumber() || after.is("than") || Cues.GREATER.contains(after.lower())
                || Cues.LESS.contains(after.lower()));
    }

    private String raw(Mention m) {
        return String.join(" ", p.tokens().subList(m.start(), m.end()).stream().map(Token::raw).toList());
    }
}
