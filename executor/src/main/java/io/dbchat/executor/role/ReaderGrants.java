package io.dbchat.executor.role;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.TableSchema;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that makes (or remakes) the executor's read-only role for one database: SELECT on exactly the
 * published columns (column-level GRANT), USAGE on their schemas, CONNECT on the database, and nothing else;
 * read-only transactions, the timeouts and a connection limit as role defaults; and the PUBLIC defaults that
 * would let any role do more than read revoked (CREATE on the schemas, TEMPORARY on the database, creating
 * large objects). Idempotent: the role's earlier grants on those schemas are revoked first. Every name is
 * quoted. Run it as the owner of the tables.
 */
public final class ReaderGrants {

    /** The role to make and how: its name, password (null: set it yourself), defaults and connection limit. */
    public record Role(String name, String password, Duration statementTimeout, Duration lockTimeout,
                       Duration idleInTransactionTimeout, int connectionLimit) {
    }

    private ReaderGrants() {
    }

    /** The script for {@code database} and its published {@code tables}. */
    public static String sql(String database, List<TableSchema> tables, Role role) {
        String r = quote(role.name());
        List<String> schemas = tables.stream().map(TableSchema::schema).distinct().sorted().toList();
        StringBuilder out = new StringBuilder();
        out.append("-- The read-only role dbchat's executor logs in as, for the database ").append(database)
                .append(", made by `dbchat grants`:\n-- SELECT on exactly the published columns and nothing else. "
                        + "Run as the owner of the tables; running it again brings the role up to date.\n");
        out.append("DO $$\nBEGIN\n    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ")
                .append(literal(role.name())).append(") THEN\n        CREATE ROLE ").append(r).append(";\n    END IF;\nEND\n$$;\n");
        out.append("ALTER ROLE ").append(r).append(" LOGIN")
                .append(role.password() == null ? "" : " PASSWORD " + literal(role.password()))
                .append(" NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT ")
                .append(role.connectionLimit()).append(";\n");
        if (role.password() == null) {
            out.append("-- set its password: ALTER ROLE ").append(r).append(" PASSWORD '...';\n");
        }
        out.append("-- role defaults, a further layer: the executor's connections log in with read-only and its own limits\n");
        setting(out, r, "default_transaction_read_only", "on");
        setting(out, r, "statement_timeout", role.statementTimeout().toMillis() + "ms");
        setting(out, r, "lock_timeout", role.lockTimeout().toMillis() + "ms");
        setting(out, r, "idle_in_transaction_session_timeout", role.idleInTransactionTimeout().toMillis() + "ms");
        out.append("-- PUBLIC defaults that let every role (this one too) create objects, temporary tables or large\n"
                + "-- objects; an application role that needs one of them must be granted it by name\n");
        for (String schema : schemas) {
            out.append("REVOKE CREATE ON SCHEMA ").append(quote(schema)).append(" FROM PUBLIC;\n");
        }
        out.append("REVOKE TEMPORARY ON DATABASE ").append(quote(database)).append(" FROM PUBLIC;\n");
        out.append("REVOKE EXECUTE ON FUNCTION pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_create(oid),"
                + " pg_catalog.lo_creat(integer) FROM PUBLIC;\n");
        out.append("-- what the role holds: CONNECT, USAGE on the published schemas, SELECT on the published columns\n");
        out.append("REVOKE ALL ON DATABASE ").append(quote(database)).append(" FROM ").append(r).append(";\n");
        out.append("GRANT CONNECT ON DATABASE ").append(quote(database)).append(" TO ").append(r).append(";\n");
        for (String schema : schemas) {
            String s = quote(schema);
            out.append("REVOKE ALL ON SCHEMA ").append(s).append(" FROM ").append(r).append(";\n");
            out.append("REVOKE ALL ON ALL TABLES IN SCHEMA ").append(s).append(" FROM ").append(r).append(";\n");
            out.append("REVOKE ALL ON ALL SEQUENCES IN SCHEMA ").append(s).append(" FROM ").append(r).append(";\n");
            out.append("GRANT USAGE ON SCHEMA ").append(s).append(" TO ").append(r).append(";\n");
        }
        for (TableSchema table : tables) {
            out.append("GRANT SELECT (")
                    .append(table.columns().stream().map(ColumnSchema::name).map(ReaderGrants::quote)
                            .collect(Collectors.joining(", ")))
                    .append(") ON ").append(quote(table.schema())).append('.').append(quote(table.name()))
                    .append(" TO ").append(r).append(";\n");
        }
        return out.toString();
    }

    private static void setting(StringBuilder out, String role, String name, String value) {
        out.append("ALTER ROLE ").append(role).append(" SET ").append(name).append(" = ").append(literal(value))
                .append(";\n");
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
