package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SqlIdentifiers;

/** Quoting of identifiers as PostgreSQL (and the SQL guard) read them back exactly, and literals. */
final class Sql {

    private Sql() {
    }

    static String ident(String name) {
        return SqlIdentifiers.quote(name);
    }

    /** A literal for {@code column}: numbers as they are, everything else as a string with quotes doubled. */
    static String literal(String value, Col column) {
        if (column.isNumeric() && value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }

    static String table(TableSchema t) {
        return SqlIdentifiers.table(t.schema(), t.name());
    }
}
