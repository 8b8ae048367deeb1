package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link Intent} as one PostgreSQL SELECT: counts as {@code count(*) AS count}, aggregates with
 * aliases such as {@code avg_budget}, groups with their key first, listings capped by a LIMIT, and joins
 * along the foreign keys of the tables the intent needs (with short aliases only then).
 */
final class SqlComposer {

    private final Intent intent;
    private final int listLimit;
    private final Map<TableSchema, String> aliases = new HashMap<>();

    private SqlComposer(Intent intent, int listLimit) {
        this.intent = intent;
        this.listLimit = listLimit;
        if (!intent.joins.isEmpty()) {
            alias(intent.table);
            intent.joins.forEach(this::alias);
        }
    }

    static String compose(Intent intent, int listLimit) {
        return new SqlComposer(intent, listLimit).sql();
    }

    private String sql() {
        StringBuilder sql = new StringBuilder("SELECT ").append(selectList()).append(" FROM ").append(from());
        List<String> where = intent.filters.stream().map(f -> f.template().formatted(ref(f.column()))).toList();
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (intent.groupBy != null) {
            sql.append(" GROUP BY ").append(ref(intent.groupBy)).append(" ORDER BY ").append(groupOrder());
        } else if (!intent.isAggregate()) {
            appendOrderAndLimit(sql);
        }
        return sql.toString();
    }

    private String selectList() {
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
        return (intent.distinct ? "DISTINCT " : "") + String.join(", ", cols.stream().distinct().toList());
    }

    private List<Col> outputColumns() {
        List<Col> cols = new ArrayList<>(intent.select);
        if (cols.isEmpty()) {
            cols.addAll(intent.order != null && intent.limit != null ? Schema.labels(intent.table) : Schema.visible(intent.table));
        }
        if (intent.order != null && !cols.contains(intent.order.column())
                && (intent.distinct || intent.select.isEmpty())) {
            cols.add(intent.order.column());
        }
        return cols;
    }

    private String measure() {
        if (intent.count) {
            return intent.distinct && intent.aggregated != null
                    ? "count(DISTINCT " + ref(intent.aggregated) + ") AS count" : "count(*) AS count";
        }
        String fn = intent.aggregate.name().toLowerCase(Locale.ROOT);
        String value = fn + "(" + ref(intent.aggregated) + ")";
        if (intent.aggregate == Intent.Aggregate.AVG) {
            value = "round(" + value + "::numeric, 2)";
        }
        return value + " AS " + Sql.ident(fn + "_" + intent.aggregated.name().toLowerCase(Locale.ROOT));
    }

    private String groupAlias() {
        Col g = intent.groupBy;
        if (!g.table().equals(intent.table) && Schema.labels(g.table()).contains(g)) {
            return Words.singular(g.table().name().toLowerCase(Locale.ROOT));
        }
        return g.name();
    }

    private String groupOrder() {
        return intent.order != null && intent.limit != null ? "2 DESC LIMIT " + intent.limit : "1";
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
        for (TableSchema other : intent.joins) {
            Schema.Join j = Schema.join(intent.table, other).orElseThrow();
            from.append(" JOIN ").append(Sql.table(other)).append(' ').append(aliases.get(other)).append(" ON ");
            List<String> on = new ArrayList<>();
            for (int k = 0; k < j.key().columns().size(); k++) {
                on.add(aliases.get(j.owner()) + "." + Sql.ident(j.key().columns().get(k)) + " = "
                        + aliases.get(j.target()) + "." + Sql.ident(j.key().refColumns().get(k)));
            }
            from.append(String.join(" AND ", on));
        }
        return from.toString();
    }

    private String ref(Col c) {
        String column = (aliases.isEmpty() ? "" : aliases.get(c.table()) + ".") + Sql.ident(c.column().name());
        return c.expression() == null ? column : c.expression().formatted(column);
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
