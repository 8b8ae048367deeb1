package io.dbchat.translator.offline;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A prefix most tables of a schema share ({@code tbl_order}, {@code tbl_customer}; {@code ah_lot}, {@code ah_bid};
 * {@code crm_contact}): a naming habit, not a word of the business, so a table is also known by its name without it.
 */
final class TablePrefix {

    /** The share of the tables that must carry the prefix. */
    private static final double SHARE = 0.6;

    private TablePrefix() {
    }

    /** The words (as {@link Words#of} gives them) of the prefix most tables share; empty when there is none. */
    static List<String> of(SchemaSnapshot schema) {
        List<TableSchema> tables = schema.tables();
        Map<String, Integer> counts = new HashMap<>();
        for (TableSchema t : tables) {
            String name = t.name().toLowerCase(Locale.ROOT);
            int cut = name.indexOf('_');
            if (cut > 0 && cut < name.length() - 1) {
                counts.merge(name.substring(0, cut), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && e.getValue() >= SHARE * tables.size())
                .filter(e -> tables.stream().noneMatch(t -> t.name().equalsIgnoreCase(e.getKey())))  // a table of its own
                .max(Map.Entry.comparingByValue())
                .map(e -> Words.of(e.getKey())).orElse(List.of());
    }

    /** {@code name}'s words without {@code prefix}; the name itself when it does not start with it. */
    static List<String> strip(List<String> name, List<String> prefix) {
        if (prefix.isEmpty() || name.size() <= prefix.size() || !name.subList(0, prefix.size()).equals(prefix)) {
            return name;
        }
        return name.subList(prefix.size(), name.size());
    }
}
