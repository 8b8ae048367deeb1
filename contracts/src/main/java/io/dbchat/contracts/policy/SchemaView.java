package io.dbchat.contracts.policy;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a principal may know of a datasource's schema under its policies: the columns it may not read are gone (with
 * the keys that name them), and a table with a row filter shows neither sampled values nor a row estimate, since
 * both were read from all of its rows. Enum and CHECK values stay: they are the schema's, not the rows'. The same
 * snapshot comes back when the datasource has no policies. Pure.
 */
public final class SchemaView {

    private static final String SAMPLE = "sample";

    private SchemaView() {
    }

    public static SchemaSnapshot of(SchemaSnapshot snapshot, DatasourcePolicies policies, PolicySubject subject) {
        if (snapshot == null || policies.isEmpty()) {
            return snapshot;
        }
        Set<String> roles = subject.roles();
        Map<String, Set<String>> hidden = new HashMap<>();
        snapshot.tables().forEach(t -> hidden.put(key(t.schema(), t.name()), policies.hiddenColumns(t, roles)));
        List<TableSchema> tables = snapshot.tables().stream()
                .map(t -> table(t, hidden, policies.rowPolicy(t) != null))
                .toList();
        return new SchemaSnapshot(snapshot.v(), snapshot.datasource(), snapshot.version(), snapshot.readAt(), tables);
    }

    private static TableSchema table(TableSchema t, Map<String, Set<String>> hidden, boolean filtered) {
        Set<String> own = hidden.get(key(t.schema(), t.name()));
        List<ForeignKey> foreignKeys = t.foreignKeys() == null ? List.of() : t.foreignKeys().stream()
                .filter(fk -> fk.columns().stream().noneMatch(c -> own.contains(lower(c))))
                .filter(fk -> fk.refColumns().stream().noneMatch(c -> hidden.getOrDefault(
                        key(fk.refSchema(), fk.refTable()), Set.of()).contains(lower(c))))
                .toList();
        if (own.isEmpty() && !filtered && foreignKeys.size() == (t.foreignKeys() == null ? 0 : t.foreignKeys().size())) {
            return t;
        }
        List<ColumnSchema> columns = t.columns().stream()
                .filter(c -> !own.contains(lower(c.name())))
                .map(c -> filtered && SAMPLE.equals(c.valuesSource())
                        ? new ColumnSchema(c.name(), c.type(), c.nullable(), c.defaultValue(), c.comment(), List.of(), null)
                        : c)
                .toList();
        List<String> primaryKey = t.primaryKey() == null || t.primaryKey().stream().anyMatch(c -> own.contains(lower(c)))
                ? List.of() : t.primaryKey();
        List<List<String>> uniqueKeys = t.uniqueKeys() == null ? List.of() : t.uniqueKeys().stream()
                .filter(k -> k.stream().noneMatch(c -> own.contains(lower(c)))).toList();
        return new TableSchema(t.schema(), t.name(), t.kind(), t.comment(), filtered ? -1 : t.rowEstimate(), columns,
                primaryKey, uniqueKeys, foreignKeys);
    }

    private static String key(String schema, String name) {
        return lower(schema == null ? "public" : schema) + "." + lower(name);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
