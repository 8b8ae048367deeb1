package io.dbchat.executor.role;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks PostgreSQL what the connected role may do ({@link RolePrivileges}), with the has_*_privilege functions,
 * over user schemas only (never pg_* or information_schema). Read-only queries of the catalog.
 */
final class RoleInspector {

    private static final String USER_RELATIONS = """
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname <> 'information_schema'
              AND n.nspname NOT LIKE 'pg\\_%'
            """;
    private static final String ROLE = """
            SELECT current_user::text, rolsuper,
                   has_database_privilege(current_database(), 'CREATE'),
                   has_database_privilege(current_database(), 'TEMP'),
                   has_function_privilege('pg_catalog.lo_from_bytea(oid, bytea)', 'EXECUTE')
                       OR has_function_privilege('pg_catalog.lo_create(oid)', 'EXECUTE')
                       OR has_function_privilege('pg_catalog.lo_creat(integer)', 'EXECUTE')
                       OR has_function_privilege('pg_catalog.lo_import(text)', 'EXECUTE')
            FROM pg_roles WHERE rolname = current_user""";
    private static final String WRITABLE = "SELECT (n.nspname || '.' || c.relname)::text " + USER_RELATIONS + """
              AND (has_any_column_privilege(c.oid, 'INSERT') OR has_any_column_privilege(c.oid, 'UPDATE')
                   OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE'))
            ORDER BY 1""";
    private static final String CREATABLE = """
            SELECT nspname::text FROM pg_namespace
            WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%' AND has_schema_privilege(oid, 'CREATE')
            ORDER BY 1""";
    private static final String READABLE = """
            SELECT n.nspname::text, c.relname::text, a.attname::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname <> 'information_schema'
              AND n.nspname NOT LIKE 'pg\\_%' AND has_schema_privilege(n.oid, 'USAGE')
              AND has_column_privilege(c.oid, a.attnum, 'SELECT')
            ORDER BY 1, 2, a.attnum""";

    private RoleInspector() {
    }

    /** Inspects the role {@code connections} log in as, on one connection. */
    static Mono<RolePrivileges> inspect(ConnectionFactory connections) {
        return Mono.usingWhen(connections.create(), RoleInspector::inspect, c -> Mono.from(c.close()));
    }

    private static Mono<RolePrivileges> inspect(Connection c) {
        return rows(c, ROLE, r -> new Role(r.get(0, String.class), flag(r, 1), flag(r, 2), flag(r, 3), flag(r, 4)))
                .next()
                .flatMap(role -> rows(c, WRITABLE, r -> r.get(0, String.class)).collectList()
                        .zipWith(rows(c, CREATABLE, r -> r.get(0, String.class)).collectList())
                        .zipWith(rows(c, READABLE, r -> new RolePrivileges.Column(r.get(0, String.class),
                                r.get(1, String.class), r.get(2, String.class))).collectList())
                        .map(t -> new RolePrivileges(role.name(), role.superuser(), t.getT1().getT1(),
                                t.getT1().getT2(), role.create(), role.temporary(), role.largeObjects(), t.getT2())));
    }

    private record Role(String name, boolean superuser, boolean create, boolean temporary, boolean largeObjects) {
    }

    private static boolean flag(Readable row, int i) {
        return Boolean.TRUE.equals(row.get(i, Boolean.class));
    }

    /** Rows of one statement, each mapped while the driver still holds it. */
    private static <T> Flux<T> rows(Connection c, String sql, Function<Readable, T> map) {
        return Flux.from(c.createStatement(sql).execute()).concatMap(result -> result.map(map::apply));
    }
}
