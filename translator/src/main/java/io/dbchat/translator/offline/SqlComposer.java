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
 * DISTINCT, so "how many clients have overdue invoices" counts clients, not invoices. A count or sum per row of a
 * related table ("projects per client", "which agent has the fewest listings") keeps the rows that have none: that
 * table comes first, the counted rows are LEFT JOINed with their own conditions in the join, the count counts their
 * key and a sum is coalesced to 0.
 */
final class SqlComposer {

    private final Intent intent;
    private final int listLimit;
    private final Map<TableSchema, String> aliases = new HashMap<>();
    /** Each joined table with the join that brings it in, in join order. */
    private final Map<TableSchema, Schema.Join> joins = new LinkedHashMap<>();
    private boolean fansOut;
    /** The table whose every row the answer keeps, first in FROM; the main table unless {@link #outer}. */
    private TableSchema root;
    /** The counted (or summed) table, LEFT JOINed last from {@link #root}, when the answer keeps rows that have none. */
    private TableSchema outer;

    private SqlComposer(Intent intent, int listLimit) {
        this.intent = intent;
        this.listLimit = listLimit;
        this.root = intent.table;
        if (keepsEmptyRows()) {
            alias(root);
            joins.keySet().forEach(this::alias);
            return;
        }
        for (TableSchema target : intent.joins) {
            TableSchema at = intent.table;
            for (Schema.Join j : Schema.path(intent.tables, intent.table, target).orElseThrow()) {
                TableSchema next = Schema.other(j, at);
                if (!next.equals(intent.table) && !joins.containsKey(next)) {
                    joins.put(next, role(j));
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

    /** The join by the key the question chose when its two tables are joined by several. */
    private Schema.Join role(Schema.Join j) {
        var key = intent.roles.get(Intent.roleOf(j.owner(), j.target()));
        return key == null ? j : new Schema.Join(j.owner(), key, j.target());
    }

    static String compose(Intent intent, int listLimit) {
        return new SqlComposer(intent, listLimit).sql();
    }

    /**
     * True, with {@link #root}, {@link #outer} and the joins from the root set, when a count or sum is measured per
     * row of another table than the one counted: per the group's table ("projects per client") or per the ranked main
     * table ("which client has the fewest projects"), reached first along a key pointing back at it. Only a count
     * or sums, only when no other table is needed: an average of nothing stays out, as the inner join leaves it.
     */
    private boolean keepsEmptyRows() {
        boolean summed = intent.aggregate == Intent.Aggregate.SUM && !intent.count
                && intent.alsoAggregates.stream().allMatch(a -> a == Intent.Aggregate.SUM);
        if (!(intent.count && !intent.distinct || summed) || intent.joins.size() != 1 || !intent.alsoMeasured.isEmpty()) {
            return false;
        }
        TableSchema keep;
        TableSchema counted;
        if (intent.rankRows) {
            keep = intent.table;
            counted = intent.joins.iterator().next();
        } else if (intent.groupBy != null && intent.groupBy.expression() == null
                && intent.joins.contains(intent.groupBy.table()) && Schema.labels(intent.groupBy.table()).contains(intent.groupBy)) {
            keep = intent.groupBy.table();
            counted = intent.table;
        } else {
            return false;
        }
        if (summed && !intent.aggregated.table().equals(counted)) {
            return false;
        }
        // "on-hold projects per team" lists the teams that have some; "for each team" lists every team
        boolean conditioned = intent.filters.stream().anyMatch(f -> !f.column().table().equals(keep));
        if (!intent.rankRows && conditioned && !intent.eachGroup) {
            return false;
        }
        List<Schema.Join> path = Schema.path(intent.tables, keep, counted).orElse(List.of());
        TableSchema at = keep;
        for (Schema.Join j : path) {
            // the first step must bring in the rows pointing back; later ones may go through a link table to its rows
            if (!Schema.fansOut(j, at) && at.equals(keep)) {
                return false;
            }
            at = Schema.other(j, at);
        }
        if (path.isEmpty()) {
            return false;
        }
        at = keep;
        for (Schema.Join j : path) {
            at = Schema.other(j, at);
            joins.put(at, role(j));
        }
        root = keep;
        outer = counted;
        return true;
    }

    private String sql() {
        if (intent.share) {
            return Shares.sql(intent, intent.filters.stream().map(this::condition).toList(), from());
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(selectList()).append(" FROM ").append(from());
        List<String> where = intent.filters.stream().filter(f -> !inJoin(f)).map(this::condition).toList();
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (intent.rankRows) {
            appendRanking(sql);
        } else if (intent.groupBy != null && outer != null) {
            List<String> keys = new ArrayList<>(root.primaryKey().stream().map(k -> prefix(root) + Sql.ident(k)).toList());
            groupNaming(root).stream().map(this::ref).filter(l -> !keys.contains(l)).forEach(keys::add);
            int measureAt = groupNaming(root).size() + 1;
            sql.append(" GROUP BY ").append(String.join(", ", keys)).append(" ORDER BY ")
                    .append(intent.order != null && intent.limit != null ? measureAt + " DESC, " + (measureAt - namingColumns(root).size())
                            + " LIMIT " + intent.limit : "1");
        } else if (intent.groupBy != null) {
            sql.append(" GROUP BY ").append(ref(intent.groupBy)).append(" ORDER BY ").append(groupOrder());
        } else if (!intent.isAggregate()) {
            appendOrderAndLimit(sql);
        }
        return sql.toString();
    }

    private String selectList() {
        if (intent.rankRows) {
            List<String> cols = new ArrayList<>(namingColumns(intent.table).stream().map(this::ref).toList());
            cols.add(measure());
            return String.join(", ", cols);
        }
        if (intent.groupBy != null && outer != null) {
            // the group is a row of its table: all the columns that name it ("first and last name")
            List<Col> labels = groupNaming(root);
            return (labels.size() == 1 ? ref(labels.getFirst()) + " AS " + Sql.ident(groupAlias())
                    : String.join(", ", labels.stream().map(this::ref).toList())) + ", " + measure();
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
            cols.addAll(intent.order != null && intent.limit != null ? namingColumns(intent.table) : Schema.visible(intent.table));
        }
        if (intent.order != null && !cols.contains(intent.order.column())
                && (intent.distinct || fansOut || intent.select.isEmpty())) {
            cols.add(intent.order.column());
        }
        return cols;
    }

    private String measure() {
        if (intent.count) {
            String count = count();
            // "the number of reports and the average cost per severity": the count, then the figures beside it
            return intent.aggregate == null || intent.distinct ? count : count + ", " + figures();
        }
        return figures();
    }

    private String count() {
        if (outer != null) {
            return "count(" + prefix(outer) + Sql.ident(countedKey()) + ") AS count";
        }
        if (intent.distinct && intent.aggregated != null) {
            return "count(DISTINCT " + ref(intent.aggregated) + ") AS count";
        }
        return fansOut && !intent.rankRows && !intent.table.primaryKey().isEmpty()
                ? "count(DISTINCT " + keyRef() + ") AS count" : "count(*) AS count";
    }

    /** The aggregates of the measured column, then those of the other columns measured beside it. */
    private String figures() {
        List<String> out = new ArrayList<>();
        List<Intent.Aggregate> all = new ArrayList<>(List.of(intent.aggregate));
        intent.alsoAggregates.stream().filter(a -> !all.contains(a)).forEach(all::add);
        for (Intent.Aggregate a : all) {
            String fn = a.name().toLowerCase(Locale.ROOT);
            String value = fn + "(" + ref(intent.aggregated) + ")";
            out.add((outer != null && a == Intent.Aggregate.SUM ? "coalesce(" + value + ", 0)" : value) + " AS " + Sql.ident(fn + "_" + intent.aggregated.name().toLowerCase(Locale.ROOT)));
        }
        for (Intent.Measure m : intent.alsoMeasured) {
            String fn = m.aggregate().name().toLowerCase(Locale.ROOT);
            out.add(fn + "(" + ref(m.column()) + ") AS " + Sql.ident(fn + "_" + m.column().name().toLowerCase(Locale.ROOT)));
        }
        return String.join(", ", out);
    }

    /** The columns that tell a row apart for people: its labels, its key first when no column is a name ("leave request 4"). */
    private static List<Col> namingColumns(TableSchema table) {
        List<Col> labels = Schema.labels(table);
        if (Schema.named(table)) {
            return labels;
        }
        List<Col> out = new ArrayList<>(table.primaryKey().stream()
                .flatMap(k -> table.column(k).map(c -> Col.of(table, c)).stream()).toList());
        labels.stream().filter(l -> !out.contains(l)).forEach(out::add);
        return out;
    }

    /**
     * The columns that tell each group row apart: its naming columns, after its key when they are a title or the like
     * that two rows may share ("for each job": two jobs may both be a "Data Engineer").
     */
    private static List<Col> groupNaming(TableSchema table) {
        List<Col> naming = namingColumns(table);
        boolean byName = naming.stream().anyMatch(c -> c.column().name().toLowerCase(Locale.ROOT).contains("name"));
        if (byName || table.primaryKey().size() != 1 || naming.stream().anyMatch(c -> table.primaryKey().contains(c.column().name()))) {
            return naming;
        }
        List<Col> out = new ArrayList<>(table.column(table.primaryKey().getFirst()).map(c -> Col.of(table, c)).stream().toList());
        out.addAll(naming);
        return out;
    }

    /** A column of the counted rows that is set exactly when the outer join found one: its key, else its join column. */
    private String countedKey() {
        if (outer.primaryKey().size() == 1) {
            return outer.primaryKey().getFirst();
        }
        Schema.Join last = joins.get(outer);
        return (last.owner().equals(outer) ? last.key().columns() : last.key().refColumns()).getFirst();
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
        // groups tied on the measure come in the order of their names, so the cut at the limit is always the same
        return intent.order != null && intent.limit != null ? "2" + (intent.order.descending() ? " DESC" : "") + ", 1 LIMIT " + intent.limit : "1";
    }

    /** "which client has the most projects": grouped by the client's key and labels, the measure decides the order. */
    private void appendRanking(StringBuilder sql) {
        List<String> keys = new ArrayList<>(intent.table.primaryKey().stream().map(k -> prefix(intent.table) + Sql.ident(k)).toList());
        List<String> labels = namingColumns(intent.table).stream().map(this::ref).toList();
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
        StringBuilder from = new StringBuilder(Sql.table(root));
        if (aliases.isEmpty()) {
            return from.toString();
        }
        from.append(' ').append(aliases.get(root));
        joins.forEach((table, j) -> {
            from.append(outer == null ? " JOIN " : " LEFT JOIN ").append(Sql.table(table)).append(' ').append(aliases.get(table))
                    .append(" ON ");
            List<String> on = new ArrayList<>();
            for (int k = 0; k < j.key().columns().size(); k++) {
                on.add(aliases.get(j.owner()) + "." + Sql.ident(j.key().columns().get(k)) + " = "
                        + aliases.get(j.target()) + "." + Sql.ident(j.key().refColumns().get(k)));
            }
            if (table.equals(outer)) {
                intent.filters.stream().filter(this::inJoin).map(this::condition).forEach(on::add);
            }
            from.append(String.join(" AND ", on));
        });
        return from.toString();
    }

    private String condition(Intent.Filter f) {
        return f.template().formatted(ref(f.column()), f.other() == null ? "" : ref(f.other()), prefix(f.column().table()));
    }

    /** A condition on the counted rows of an outer join goes into the join, so rows of the root without them stay. */
    private boolean inJoin(Intent.Filter f) {
        return outer != null && (!f.column().table().equals(root) || f.other() != null && !f.other().table().equals(root));
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
