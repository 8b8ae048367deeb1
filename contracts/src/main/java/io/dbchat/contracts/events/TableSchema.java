package io.dbchat.contracts.events;

import java.util.List;
import java.util.Optional;

/** A table or view as published: its columns, keys, comment and the planner's row estimate. */
public record TableSchema(
        String schema,
        String name,
        String kind,
        String comment,
        long rowEstimate,
        List<ColumnSchema> columns,
        List<String> primaryKey,
        List<List<String>> uniqueKeys,
        List<ForeignKey> foreignKeys) {

    public String qualifiedName() {
        return schema + "." + name;
    }

    public Optional<ColumnSchema> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }
}
