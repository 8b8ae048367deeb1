package io.dbchat.executor.plan;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.r2dbc.spi.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The relations a plan may scan for a schema snapshot, each with the columns it may read: the published tables
 * and columns, and what the planner expands them to, read from the catalog: the partitions (and inheritance
 * children) of a published table, with its columns, and the relations and columns a published view reads
 * (through nested views too, and their partitions). A view's base columns may then be read by any statement
 * as far as the plan check goes; the SQL guard still refuses naming them directly.
 */
final class Expansions {

    private static final String QUERY = """
            WITH RECURSIVE published(oid) AS (
                SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE (n.nspname::text, c.relname::text) IN (%s)
            ), deps(rel, att) AS (
                SELECT d.refobjid, d.refobjsubid FROM published p JOIN pg_rewrite r ON r.ev_class = p.oid
                JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> p.oid
                UNION
                SELECT d.refobjid, d.refobjsubid FROM deps JOIN pg_rewrite r ON r.ev_class = deps.rel
                JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> deps.rel
            ), parts(root, oid) AS (
                SELECT oid, oid FROM published
                UNION SELECT DISTINCT rel, rel FROM deps
                UNION SELECT parts.root, i.inhrelid FROM parts JOIN pg_inherits i ON i.inhparent = parts.oid
            )
            SELECT 'dep', n.nspname::text, c.relname::text, a.attname::text, NULL::text
            FROM deps JOIN pg_class c ON c.oid = deps.rel JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = deps.att AND deps.att > 0
            UNION ALL
            SELECT 'part', pn.nspname::text, pc.relname::text, NULL, rn.nspname || '.' || rc.relname
            FROM parts JOIN pg_class pc ON pc.oid = parts.oid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            JOIN pg_class rc ON rc.oid = parts.root JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE parts.oid <> parts.root""";

    private Expansions() {
    }

    /** The published relations alone, by qualified name. */
    static Map<String, Set<String>> published(SchemaSnapshot schema) {
        Map<String, Set<String>> out = new HashMap<>();
        for (TableSchema t : schema.tables()) {
            out.put(t.qualifiedName(), t.columns().stream().map(ColumnSchema::name)
                    .collect(Collectors.toCollection(HashSet::new)));
        }
        return out;
    }

    /** The published relations and their expansions, read on {@code connection}. */
    static Mono<Map<String, Set<String>>> read(SchemaSnapshot schema, Connection connection) {
        Map<String, Set<String>> out = published(schema);
        if (schema.tables().isEmpty()) {
            return Mono.just(out);
        }
        String names = schema.tables().stream()
                .map(t -> "(" + literal(t.schema()) + ", " + literal(t.name()) + ")")
                .collect(Collectors.joining(", "));
        return Flux.from(connection.createStatement(QUERY.formatted(names)).execute())
                .concatMap(result -> result.map(r -> List.of(r.get(0, String.class), r.get(1, String.class),
                        r.get(2, String.class), Objects.toString(r.get(3, String.class), ""),
                        Objects.toString(r.get(4, String.class), ""))))
                .collectList()
                .map(rows -> expand(out, rows));
    }

    private static Map<String, Set<String>> expand(Map<String, Set<String>> out, List<List<String>> rows) {
        for (List<String> row : rows) {
            if (row.get(0).equals("dep")) {
                Set<String> columns = out.computeIfAbsent(row.get(1) + "." + row.get(2), k -> new HashSet<>());
                if (!row.get(3).isEmpty()) {
                    columns.add(row.get(3));
                }
            }
        }
        for (List<String> row : rows) {
            if (row.get(0).equals("part")) {
                out.computeIfAbsent(row.get(1) + "." + row.get(2), k -> new HashSet<>())
                        .addAll(out.getOrDefault(row.get(4), Set.of()));
            }
        }
        return out;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
