package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;

/** Quoting of identifiers as PostgreSQL reads them back exactly. */
final class Sql {

    private Sql() {
    }

    static String ident(String name) {
        return name.matches("[a-z_][a-z0-9_]*") && !Reserved.is(name) ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A literal for {@code column}: numbers as they are, everything else as a string with quotes doubled. */
    static String literal(String value, Col column) {
        if (column.isNumeric() && value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }

    static String table(TableSchema t) {
        return "public".equals(t.schema()) ? ident(t.name()) : ident(t.schema()) + "." + ident(t.name());
    }

    /** The handful of reserved words that are plausible table or column names. */
    private static final class Reserved {
        private static final java.util.Set<String> WORDS = java.util.Set.of("user", "order", "group", "select",
                "table", "where", "from", "limit", "offset", "check", "column", "default", "end", "to", "desc",
                "asc", "all", "and", "or", "not", "null", "primary", "references", "window", "case", "when");

        static boolean is(String name) {
            return WORDS.contains(name);
        }
    }
}
