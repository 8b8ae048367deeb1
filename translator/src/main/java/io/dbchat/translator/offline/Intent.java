package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a question asks, independent of SQL: the table, the columns to show, a count or an aggregate,
 * filters, grouping, ordering and a row limit. Filled in by {@link IntentParser}, written by {@link SqlComposer}.
 */
final class Intent {

    enum Aggregate { AVG, SUM, MIN, MAX }

    /**
     * A condition on a column: {@code template} holds {@code %1$s} where the column goes and, when it compares two
     * columns, {@code %2$s} where {@code other} goes (null otherwise); {@code %3$s} is the qualifier of the column's table
     * ("p." or nothing), for a condition on several of its columns (the key of several columns an EXISTS ties to).
     */
    record Filter(Col column, String template, Col other, String words) {

        Filter(Col column, String template) {
            this(column, template, null, null);
        }

        /** The condition for people: its own words when it has them ("with no projects"), else the SQL with names. */
        String said() {
            return words != null ? words : template.formatted(column.name(), other == null ? "" : other.name(), "");
        }
    }

    record Order(Col column, boolean descending) {
    }

    TableSchema table;
    /** Every table of the snapshot, for joins through a table between. */
    List<TableSchema> tables = List.of();
    final List<Col> select = new ArrayList<>();
    boolean count;
    Aggregate aggregate;
    Col aggregated;
    /** Further aggregates of the same column ("the minimum and maximum fee"). */
    final List<Aggregate> alsoAggregates = new ArrayList<>();

    /** An aggregate of a column. */
    record Measure(Aggregate aggregate, Col column) {
    }

    /** Aggregates of other columns beside the first ("the total weight and the total declared value"). */
    final List<Measure> alsoMeasured = new ArrayList<>();
    /** Rank the main table's rows by the measure ("which author has the most books"): grouped by its key, labelled. */
    boolean rankRows;
    /** The percentage of the rows that meet the filters, of all rows ({@link Shares}); {@link #count} is set with it. */
    boolean share;
    boolean distinct;
    final List<Filter> filters = new ArrayList<>();
    Col groupBy;
    /** Grouped by "each" or "every" row of a table: a row without any counted rows is shown too, even under a condition. */
    boolean eachGroup;
    Order order;
    Integer limit;
    final Set<TableSchema> joins = new LinkedHashSet<>();
    /** The key chosen between two tables joined by several ({@link RoleKeys}), by {@link #roleOf}. */
    final java.util.Map<String, io.dbchat.contracts.events.ForeignKey> roles = new java.util.HashMap<>();

    static String roleOf(TableSchema owner, TableSchema target) {
        return owner.schema() + "." + owner.name() + ">" + target.schema() + "." + target.name();
    }

    /** Adds a filter; a later one on the same column replaces an earlier one, as a refinement does. */
    void filter(Col column, String template) {
        filter(column, template, null);
    }

    /** Adds a filter comparing {@code column} with {@code other} (or a plain one when {@code other} is null). */
    void filter(Col column, String template, Col other) {
        filter(column, template, other, null);
    }

    /** Adds a filter that people read as {@code words}. */
    void filter(Col column, String template, Col other, String words) {
        filters.removeIf(f -> f.column().equals(column) && f.other() == null && other == null && f.words() == null);
        filters.add(new Filter(column, template, other, words));
        need(column);
        need(other);
    }

    /** True when a condition says that no rows of {@code other} exist for a row ("with no bookings"). */
    boolean denies(TableSchema other) {
        return !other.equals(table) && filters.stream().anyMatch(f -> ("with no " + other.name()).equals(f.words()));
    }

    void need(Col column) {
        if (column != null && !column.table().equals(table)) {
            joins.add(column.table());
        }
        if (column != null && column.other() != null) {
            need(column.other());
        }
    }

    boolean isAggregate() {
        return count || aggregate != null;
    }

    /** The query in short phrases, for the answer to show what was understood: "a count of users", "status = 'Open'". */
    List<String> understood() {
        List<String> out = new ArrayList<>();
        if (isAggregate()) {
            out.add(measured());
        } else {
            out.add((distinct ? "distinct " : "") + table.name() + (select.isEmpty() ? ""
                    : ": " + String.join(", ", select.stream().map(Col::name).toList())));
        }
        for (Filter f : filters) {
            out.add(f.said());
        }
        if (groupBy != null) {
            out.add("per " + groupBy.name());
        }
        ordering().ifPresent(out::add);
        if (limit != null) {
            out.add("the first " + limit);
        }
        return out;
    }

    /** What is counted or aggregated: "a count of trips", "the sum of paid". */
    private String measured() {
        if (share) {
            return "the percentage of " + table.name() + " that meet the conditions";
        }
        if (count) {
            // a ranking counts the related rows of each of its own ("which driver has the most trips")
            String counted = rankRows && !joins.isEmpty() ? joins.iterator().next().name() : table.name();
            if (distinct && aggregated != null) {
                return "a count of distinct " + aggregated.name();
            }
            return "a count of " + counted + (aggregate == null ? "" : " and " + figures());
        }
        return figures();
    }

    /** The figures asked for: "the min and max of daily_rate and the avg of price". */
    private String figures() {
        List<String> names = new ArrayList<>(List.of(aggregate.name().toLowerCase(java.util.Locale.ROOT)));
        alsoAggregates.forEach(a -> names.add(a.name().toLowerCase(java.util.Locale.ROOT)));
        String first = "the " + String.join(" and ", names) + " of " + (aggregated == null ? table.name() : aggregated.name());
        return first + String.join("", alsoMeasured.stream()
                .map(m -> " and the " + m.aggregate().name().toLowerCase(java.util.Locale.ROOT) + " of " + m.column().name()).toList());
    }

    /** The order in words; a ranking is ordered by its measure, not by the label it shows. */
    private java.util.Optional<String> ordering() {
        if (rankRows) {
            boolean highest = order == null || order.descending();
            return java.util.Optional.of(table.name() + " ranked by " + measured() + ", " + (highest ? "highest" : "lowest") + " first");
        }
        if (groupBy != null && order != null) {
            // groups are ordered by their measure
            return java.util.Optional.of("ordered by " + measured() + ", " + (order.descending() ? "highest" : "lowest") + " first");
        }
        return java.util.Optional.ofNullable(order).map(o -> "ordered by " + o.column().name() + (o.descending() ? " descending" : ""));
    }

    /** In words, for refusals that say what was understood. */
    String describe() {
        StringBuilder s = new StringBuilder("the table ").append(table.name());
        if (isAggregate()) {
            s.append(", ").append(measured());
        }
        if (!select.isEmpty()) {
            s.append(", the columns ").append(String.join(", ", select.stream().map(Col::name).toList()));
        }
        for (Filter f : filters) {
            s.append(", ").append(f.said());
        }
        if (groupBy != null) {
            s.append(", per ").append(groupBy.name());
        }
        ordering().ifPresent(o -> s.append(", ").append(o));
        return s.toString();
    }
}
