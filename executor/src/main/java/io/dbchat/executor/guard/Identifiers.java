package io.dbchat.executor.guard;

import java.util.Locale;

/** PostgreSQL identifier rules: unquoted names fold to lower case, double-quoted names are taken verbatim. */
final class Identifiers {

    private Identifiers() {
    }

    static String fold(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\"\"", "\"");
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    /** pg_catalog, information_schema and every pg_* schema or relation belong to the system. */
    static boolean isSystem(String folded) {
        return folded != null && (folded.startsWith("pg_") || folded.equals("information_schema"));
    }
}
