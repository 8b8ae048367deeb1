package io.dbchat.contracts.policy;

import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access policies of one datasource. {@code rows} maps a table to its row filter, SQL over that table's columns
 * with {@code :name} placeholders for the principal's attributes; {@code columns} maps a table to its columns that
 * only the listed roles may read. A table is named as {@code schema.table}, or by its name alone, which then names
 * the table of that name in every schema (the stricter reading of an ambiguous name). Names ignore case.
 */
public record DatasourcePolicies(Map<String, String> rows, Map<String, Map<String, List<String>>> columns) {

    public static final DatasourcePolicies NONE = new DatasourcePolicies(Map.of(), Map.of());

    public DatasourcePolicies {
        rows = lowerKeys(rows == null ? Map.of() : rows);
        Map<String, Map<String, List<String>>> cols = new LinkedHashMap<>();
        (columns == null ? Map.<String, Map<String, List<String>>>of() : columns).forEach((table, byColumn) ->
                cols.put(table.toLowerCase(Locale.ROOT), lowerKeys(byColumn == null ? Map.of() : byColumn)));
        columns = Map.copyOf(cols);
    }

    public boolean isEmpty() {
        return rows.isEmpty() && columns.isEmpty();
    }

    /** The row policy of a table: its name (the key it was configured under) and filter, or null when it has none. */
    public RowPolicy rowPolicy(TableSchema table) {
        String key = keyOf(rows.keySet(), table);
        return key == null ? null : new RowPolicy(key, rows.get(key));
    }

    /** The columns of a table that a principal with these roles may not read, lower-cased. */
    public Set<String> hiddenColumns(TableSchema table, Set<String> roles) {
        Set<String> hidden = new TreeSet<>();
        for (String key : keysOf(columns.keySet(), table)) {
            columns.get(key).forEach((column, allowed) -> {
                if (allowed == null || allowed.stream().map(String::strip).noneMatch(roles::contains)) {
                    hidden.add(column);
                }
            });
        }
        return hidden;
    }


    /** A table's row filter, named by the key it was configured under. */
    public record RowPolicy(String name, String filter) {
    }

    private static String keyOf(Set<String> keys, TableSchema table) {
        List<String> found = keysOf(keys, table);
        // a qualified key is the more precise one
        return found.isEmpty() ? null : found.getLast();
    }

    private static List<String> keysOf(Set<String> keys, TableSchema table) {
        String name = table.name().toLowerCase(Locale.ROOT);
        String qualified = (table.schema() == null ? "public" : table.schema().toLowerCase(Locale.ROOT)) + "." + name;
        List<String> found = new ArrayList<>();
        if (keys.contains(name)) {
            found.add(name);
        }
        if (keys.contains(qualified)) {
            found.add(qualified);
        }
        return found;
    }

    private static <V> Map<String, V> lowerKeys(Map<String, V> map) {
        Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.strip().toLowerCase(Locale.ROOT), v));
        return java.util.Collections.unmodifiableMap(out);
    }
}
