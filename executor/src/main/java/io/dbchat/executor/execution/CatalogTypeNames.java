package io.dbchat.executor.execution;

import io.dbchat.contracts.events.ColumnMeta;
import io.r2dbc.spi.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Names the column types that the driver reports only by OID and {@link PgTypeNames} does not know (an enum, a
 * domain, a composite: types made in the database), as the catalog names them ({@code format_type}), on the
 * statement's own connection after its rows are read. A name is read once per datasource and OID.
 */
final class CatalogTypeNames {

    private static final int FETCH_SIZE = 64;

    private final Map<String, Map<Integer, String>> byDatasource = new ConcurrentHashMap<>();

    Mono<ExecutionOutcome> named(String datasource, Connection c, ExecutionOutcome.Rows rows) {
        Map<Integer, String> known = byDatasource.computeIfAbsent(datasource, d -> new ConcurrentHashMap<>());
        List<Integer> unknown = rows.columns().stream().map(ColumnMeta::type).filter(CatalogTypeNames::isOid)
                .map(Integer::valueOf).filter(oid -> !known.containsKey(oid)).distinct().toList();
        Mono<Void> read = unknown.isEmpty() ? Mono.empty() : read(c, unknown).doOnNext(e -> known.put(e.getKey(), e.getValue())).then();
        return read.then(Mono.fromSupplier(() -> new ExecutionOutcome.Rows(rows.columns().stream()
                .map(col -> isOid(col.type()) ? new ColumnMeta(col.name(), known.getOrDefault(Integer.valueOf(col.type()), col.type())) : col)
                .toList(), rows.rows(), rows.truncated(), rows.execMs())));
    }

    /** The SQL is made of integers only; the fetch size makes the driver use the extended protocol, as for every query. */
    private static Flux<Map.Entry<Integer, String>> read(Connection c, List<Integer> oids) {
        String sql = "SELECT oid::int4, format_type(oid, NULL) FROM pg_catalog.pg_type WHERE oid IN ("
                + oids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        return Flux.from(c.createStatement(sql).fetchSize(FETCH_SIZE).execute())
                .concatMap(result -> result.map((row, meta) -> Map.entry(row.get(0, Integer.class), row.get(1, String.class))));
    }

    private static boolean isOid(String type) {
        return type != null && !type.isEmpty() && type.length() < 10 && type.chars().allMatch(Character::isDigit);
    }
}
