package io.dbchat.schemapublisher.catalog;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A table being assembled from catalog rows; keys naming an unpublished column are left out whole. */
final class TableDraft {
    private final CatalogRows.Relation relation;
    private final Map<Long, CatalogRows.Relation> relations;
    private final Map<Long, Map<Integer, String>> names;
    private final ExposurePolicy policy;
    private final List<ColumnSchema> columns = new ArrayList<>();
    private List<String> primaryKey = List.of();
    private final List<List<String>> uniqueKeys = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    TableDraft(CatalogRows.Relation relation, Map<Long, CatalogRows.Relation> relations,
               Map<Long, Map<Integer, String>> names, ExposurePolicy policy) {
        this.relation = relation;
        this.relations = relations;
        this.names = names;
        this.policy = policy;
    }

    void addColumn(CatalogRows.Column c, List<String> enumLabels) {
        if (c.readable() && policy.column(relation.schema(), relation.name(), c.name())) {
            boolean isEnum = enumLabels != null;
            columns.add(new ColumnSchema(c.name(), c.type(), c.nullable(), c.defaultValue(), c.comment(),
                    isEnum ? List.copyOf(enumLabels) : List.of(), isEnum ? "enum" : null));
        }
    }

    void addConstraint(CatalogRows.Constraint c) {
        Optional<List<String>> keys = published(relation, c.keys());
        switch (c.type()) {
            case "p" -> keys.ifPresent(k -> primaryKey = k);
            case "u" -> keys.ifPresent(uniqueKeys::add);
            case "f" -> foreignKey(c, keys).ifPresent(foreignKeys::add);
            case "c" -> keys.filter(k -> k.size() == 1).ifPresent(k -> check(k.getFirst(), c.definition()));
            default -> throw new IllegalStateException("Unexpected constraint type " + c.type());
        }
    }

    private Optional<ForeignKey> foreignKey(CatalogRows.Constraint c, Optional<List<String>> keys) {
        CatalogRows.Relation target = relations.get(c.refRelid());
        Optional<List<String>> refKeys = target == null ? Optional.empty() : published(target, c.refKeys());
        return keys.isEmpty() || refKeys.isEmpty() ? Optional.empty()
                : Optional.of(new ForeignKey(c.name(), keys.get(), target.schema(), target.name(), refKeys.get()));
    }

    private void check(String column, String definition) {
        int i = indexOf(column);
        if (columns.get(i).values().isEmpty()) {
            CheckValues.of(definition).ifPresent(values -> columns.set(i, CatalogReader.withValues(columns.get(i), values, "check")));
        }
    }

    /** The key's column names when every one of them is published, by the policy and the role's grants. */
    private Optional<List<String>> published(CatalogRows.Relation owner, List<Integer> attnums) {
        List<String> out = attnums.stream().map(n -> names.getOrDefault(owner.oid(), Map.of()).get(n)).toList();
        boolean all = out.stream().allMatch(n -> n != null && policy.column(owner.schema(), owner.name(), n));
        return all && (owner != relation || out.stream().allMatch(n -> indexOf(n) >= 0))
                ? Optional.of(out) : Optional.empty();
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    TableSchema build() {
        return new TableSchema(relation.schema(), relation.name(), kind(relation.kind()), relation.comment(),
                RowEstimates.round(relation.reltuples()), List.copyOf(columns), primaryKey, List.copyOf(uniqueKeys),
                List.copyOf(foreignKeys));
    }

    /** relkind as a word that also reads as DDL: r and p (partitioned) are tables. */
    private static String kind(String relkind) {
        return switch (relkind) {
            case "v" -> "view";
            case "m" -> "materialized view";
            case "f" -> "foreign table";
            default -> "table";
        };
    }
}
