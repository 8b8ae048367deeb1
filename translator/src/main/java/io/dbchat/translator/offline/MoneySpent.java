package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * "which three customers have spent the most on rentals", "which guests have paid us the most": a verb of paying before
 * "the most" ranks the main table's rows by the sum of the one amount of money of their related rows: of the table
 * named after "on", "in" or "for", else of the only related table that holds one amount (stated as assumed).
 */
final class MoneySpent {

    private static final Set<String> FRACTIONAL = Set.of("numeric", "decimal", "money", "real", "double precision",
            "float4", "float8");

    private final IntentParser p;

    MoneySpent(IntentParser parser) {
        this.p = parser;
    }

    /** The amount summed for the superlative at {@code i}, with the words it read marked used; empty when none fits. */
    Optional<Col> amount(int i) {
        int verb = i - 1;
        while (verb >= 0 && p.is(verb, "the", "us", "me", "them", "we")) {
            verb--;
        }
        if (verb < 0 || p.used(verb) || !Measures.MONEY_VERBS.contains(p.token(verb).lower())) {
            return Optional.empty();
        }
        int on = i + 1;
        Optional<TableSchema> named = p.is(on, "on", "in", "for", "at") ? p.termAt(p.skip(on + 1, "the"))
                .filter(t -> t.kind() == Term.Kind.TABLE).map(Term::table) : Optional.empty();
        List<TableSchema> candidates = named.map(List::of).orElseGet(() -> p.intent().tables.stream()
                .filter(t -> !t.equals(p.intent().table) && amountOf(t).isPresent()).toList());
        List<Col> amounts = candidates.stream().filter(this::pointsAtMain).flatMap(t -> amountOf(t).stream()).toList();
        if (amounts.size() != 1) {
            return Optional.empty();
        }
        p.use(verb, i + 1);
        if (named.isPresent()) {
            p.use(on, p.mentionAt(p.skip(on + 1, "the")).end());
        } else {
            p.assume("'" + p.token(verb).raw() + "' read as the sum of " + amounts.getFirst().table().name() + "."
                    + amounts.getFirst().name());
        }
        return Optional.of(amounts.getFirst());
    }

    /** True when rows of {@code t} belong to a row of the main table, directly or through one table between. */
    private boolean pointsAtMain(TableSchema t) {
        return GroupedRanking.belongs(p.intent(), t);
    }

    /** The table's one amount of money: its only fractional number that is not a key. */
    private static Optional<Col> amountOf(TableSchema t) {
        List<Col> amounts = Schema.visible(t).stream().filter(c -> c.isNumeric() && !c.isKey() && FRACTIONAL.contains(
                c.column().type().toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").strip())).toList();
        return amounts.size() == 1 ? Optional.of(amounts.getFirst()) : Optional.empty();
    }
}
