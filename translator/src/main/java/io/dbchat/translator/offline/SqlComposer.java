package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link Intent} as one PostgreSQL SELECT: counts as {@code count(*) AS count}, aggregates with
 * aliases such as {@code avg_budget} (averages unrounded: the words and the page round them), groups with their key
 * first, rankings of the main table's rows by a measure of related rows, listings capped by a LIMIT, and joins along
 * the foreign keys of the tables the intent needs, through one table between when needed (with short aliases only
 * then). When a join brings in several rows per row of the main table, counts count its rows once and listings are
 * DISTINCT, so "how many clients have overdue invoices" counts clients, not invoices.
 */
final class SqlComposer {

    private final Intent intent;
    private final int listLimit;
    private final Map<TableSchema, String> aliases = new HashMap<>();
    /** Each joined table with the join that brings it in, in join order. */
    private final Map<TableSchema, Schema.Join> joins = new LinkedHashMap<>();
    private boolean fansOut;

    private SqlComposer(Intent intent, int listLimit) {
        this.intent = intent;
        this.listLimit = listLimit;
        for (TableSchema target : intent.joins) {
            TableSchema at = intent.table;
            for (Schema.Join j : Schema.path(intent.tables, intent.table, target).orElseThrow()) {
                TableSchema next = Schema.other(j, at);
                if (!next.equals(intent.table) && !joins.containsKey(next)) {
                    joins.put(next, j);
                    fansOut |= Schema.fansOut(j, at);
                }
                at = next;
            }
        }
        // a subquery of the main table's rows must not take their key for its own: qualify it
        if (!joins.isEmpty() || intent.filters.stream().anyMatch(f -> f.template().contains("EXISTS ("))) {
            alias(intent.table);
            joins.keySet().forEach(this::alias);
        }
    }

    static String compose(Intent intent, int listLimit) {
        return new SqlComposer(intent, listLimit).sql();
    }

    private String sql() {
        StringBuilder sql = new StringBuilder("SELECT ").append(selectList()).append(" FROM ").append(from());
        List<String> where = intent.filters.stream()
                .map(f -> f.template().formatted(ref(f.column()), f.other() == null ? "" : ref(f.other()))).toList();
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (intent.rankRows) {
            appendRanking(sql);
        } else if (intent.groupBy != null) {
            sql.append(" GROUP BY ").append(ref(intent.groupBy)).append(" ORDER BY ").append(groupOrder());
        } else if (!intent.isAggregate()) {
            appendOrderAndLimit(sql);
        }
        return sql.toString();
    }

    private String selectList() {
        if (intent.rankRows) {
            List<String> cols = new ArrayList<>(Schema.labels(intent.table).stream().map(this::ref).toList());
            cols.add(measure());
            return String.join(", ", cols);
        }
        if (intent.groupBy != null) {
            return ref(intent.groupBy) + " AS " + Sql.ident(groupAlias()) + ", " + measure();
        }
        if (intent.isAggregate()) {
            return measure();
        }
        List<String> cols = new ArrayList<>();
        for (Col c : outputColumns()) {
            cols.add(c.expression() != null ? ref(c) + " AS " + Sql.ident(c.alias()) : ref(c));
        }
        return (intent.distinct || fansOut ? "DISTINCT " : "") + String.join(", ", cols.stream().distinct().toList());
    }

    private List<Col> outputColumns() {
        List<Col> cols = new ArrayList<>(intent.select);
        if (cols.isEmpty()) {
            cols.addAll(intent.order != null && intent.limit != null ? Schema.labels(intent.table) : Schema.visible(intent.table));
        }
        if (intent.order != null && !cols.contains(intent.order.column())
                && (intent.distinct || fansOut || intent.select.isEmpty())) {
            cols.add(intent.order.column());
        }
        return cols;
    }

    private String measure() {
        if (intent.count) {
            if (intent.distinct && intent.aggregated != null) {
                return "count(DISTINCT " + ref(intent.aggregated) + ") AS count";
            }
            return fansOut && !intent.rankRows && !intent.table.primaryKey().isEmpty()
                    ? "count(DISTINCT " + keyRef() + ") AS count" : "count(*) AS count";
        }
        List<String> out = new ArrayList<>();
        List<Intent.Aggregate> all = new ArrayList<>(List.of(intent.aggregate));
        intent.alsoAggregates.stream().filter(a -> !all.contains(a)).forEach(all::add);
        for (Intent.Aggregate a : all) {
            String fn = a.name().toLowerCase(Locale.ROOT);
            out.add(fn + "(" + ref(intent.aggregated) + ") AS " + Sql.ident(fn + "_" + intent.aggregated.name().toLowerCase(Locale.ROOT)));
        }
        return String.join(", ", out);
    }

    /** The main table's key as one expression: a column, or a row of columns for a composite key. */
    private String keyRef() {
        List<String> cols = intent.table.primaryKey().stream().map(k -> prefix(intent.table) + Sql.ident(k)).toList();
        return cols.size() == 1 ? cols.getFirst() : "(" + String.join(", ", cols) + ")";
    }

    private String groupAlias() {
        Col g = intent.groupBy;
        if (g.expression() != null) {
            return g.alias();
        }
        if (!g.table().equals(intent.table) && Schema.labels(g.table()).contains(g)) {
            return Words.singular(g.table().name().toLowerCase(Locale.ROOT));
        }
        return g.name();
    }

    private String groupOrder() {
        return intent.order != null && intent.limit != null ? "2 DESC LIMIT " + intent.limit : "1";
    }

    /** "which client has the most projects": grouped by the client's key and labels, the measure decides the order. */
    private void appendRanking(StringBuilder sql) {
        List<String> keys = new ArrayList<>(intent.table.primaryKey().stream().map(k -> prefix(intent.table) + Sql.ident(k)).toList());
        List<String> labels = Schema.labels(intent.table).stream().map(this::ref).toList();
        labels.stream().filter(l -> !keys.contains(l)).forEach(keys::add);
        boolean descending = intent.order == null || intent.order.descending();
        sql.append(" GROUP BY ").append(String.join(", ", keys)).append(" ORDER BY ").append(labels.size() + 1)
                .append(descending ? " DESC NULLS LAST" : " NULLS LAST");
        for (int i = 1; i <= labels.size(); i++) {
            sql.append(", ").append(i);
        }
        sql.append(" LIMIT ").append(intent.limit == null ? listLimit : Math.min(intent.limit, listLimit));
    }

    private void appendOrderAndLimit(StringBuilder sql) {
        if (intent.order != null) {
            Col c = intent.order.column();
            sql.append(" ORDER BY ").append(ref(c)).append(intent.order.descending() ? " DESC" : "");
            if (intent.order.descending() && c.column().nullable()) {
                sql.append(" NULLS LAST");
            }
        }
        int limit = intent.limit == null ? listLimit : Math.min(intent.limit, listLimit);
        sql.append(" LIMIT ").append(limit);
    }

    private String from() {
        StringBuilder from = new StringBuilder(Sql.table(intent.table));
        if (aliases.isEmpty()) {
            return from.toString();
        }
        from.append(' ').append(aliases.get(intent.table));
        joins.forEach((table, j) -> {
            from.append(" JOIN ").append(Sql.table(table)).append(' ').append(aliases.get(table)).append(" ON ");
            List<String> on = new ArrayList<>();
            for (int k = 0; k < j.key().columns().size(); k++) {
                on.add(aliases.get(j.owner()) + "." + Sql.ident(j.key().columns().get(k)) + " = "
                        + aliases.get(j.target()) + "." + Sql.ident(j.key().refColumns().get(k)));
            }
            from.append(String.join(" AND ", on));
        });
        return from.toString();
    }

    private String prefix(TableSchema table) {
        return aliases.isEmpty() ? "" : aliases.get(table) + ".";
    }

    private String ref(Col c) {
        String column = prefix(c.table()) + Sql.ident(c.column().name());
        return c.expression() == null ? column : c.expression().formatted(column, c.other() == null ? "" : ref(c.other()));
    }

    private void alias(TableSchema table) {
        StringBuilder a = new StringBuilder();
        for (String w : Words.of(table.name())) {
            a.append(w.charAt(0));
        }
        String base = a.toString();
        String candidate = base;
        for (int n = 2; aliases.containsValue(candidate) || !candidate.matches("[a-z_][a-z0-9_]*") || isReserved(candidate); n++) {
            candidate = (base.matches("[a-z_][a-z0-9_]*") ? base : "t") + n;
        }
        aliases.put(table, candidate);
    }

    private static boolean isReserved(String alias) {
        return !Sql.ident(alias).equals(alias);
    }
}
