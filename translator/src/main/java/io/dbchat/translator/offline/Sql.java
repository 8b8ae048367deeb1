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

    /**
     * True when {@code value} can be read as a value of {@code column}'s type: a number for a number, a date for a date,
     * true or false for a flag; text, enums and types this does not know take any value. A literal that does not fit
     * would make the database fail ("invalid input syntax for type integer") or compare with the wrong column.
     */
    static boolean fits(String value, Col column) {
        if (column.expression() != null || !column.column().values().isEmpty() || column.isText()) {
            return true;
        }
        if (column.isNumeric()) {
            return value.matches("-?\\d+(\\.\\d+)?");
        }
        if (column.isDate()) {
            return value.matches("\\d{4}-\\d{2}-\\d{2}.*");
        }
        if (column.isBoolean()) {
            return value.toLowerCase(java.util.Locale.ROOT).matches("true|false|t|f|yes|no|on|off|1|0");
        }
        return true;
    }

    static String table(TableSchema t) {
        return SqlIdentifiers.table(t.schema(), t.name());
    }
}
