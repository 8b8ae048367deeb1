package io.dbchat.gateway.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The schema-info body: every table of a snapshot with its fields (choices are the exact spelling of
 * allowed or observed values), primary key, and relationships with their join condition.
 */
public record SchemaInfo(
        String datasource,
        String version,
        @JsonProperty("read_at") Instant readAt,
        List<Table> tables) {

    public record Table(String schema, String name, String kind, String comment,
                 @JsonProperty("row_estimate") long rowEstimate,
                 List<Field> fields,
                 @JsonProperty("primary_key") List<String> primaryKey,
                 List<Relationship> relationships) {
    }

    public record Field(String name, String type, boolean nullable, String comment, List<String> choices,
                 @JsonProperty("choices_source") String choicesSource) {
    }

    public record Relationship(String name, List<String> columns,
                        @JsonProperty("target_table") String targetTable,
                        @JsonProperty("target_columns") List<String> targetColumns,
                        String join) {
    }

    public static SchemaInfo of(SchemaSnapshot s) {
        return new SchemaInfo(s.datasource(), s.version(), s.readAt(),
                nonNull(s.tables()).stream().map(SchemaInfo::table).toList());
    }

    private static Table table(TableSchema t) {
        return new Table(t.schema(), t.name(), t.kind(), t.comment(), t.rowEstimate(),
                nonNull(t.columns()).stream().map(SchemaInfo::field).toList(),
                nonNull(t.primaryKey()),
                nonNull(t.foreignKeys()).stream().map(fk -> relationship(t, fk)).toList());
    }

    private static Field field(ColumnSchema c) {
        return new Field(c.name(), c.type(), c.nullable(), c.comment(), nonNull(c.values()), c.valuesSource());
    }

    private static Relationship relationship(TableSchema owner, ForeignKey fk) {
        String target = fk.refSchema() + "." + fk.refTable();
        String join = IntStream.range(0, Math.min(fk.columns().size(), fk.refColumns().size()))
                .mapToObj(i -> owner.qualifiedName() + "." + fk.columns().get(i) + " = " + target + "." + fk.refColumns().get(i))
                .collect(Collectors.joining(" AND "));
        return new Relationship(fk.name(), fk.columns(), target, fk.refColumns(), join);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
