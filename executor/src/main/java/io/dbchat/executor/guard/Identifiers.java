package io.dbchat.executor.guard;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** PostgreSQL identifier rules: unquoted names fold to lower case, double-quoted names are taken verbatim. */
final class Identifiers {

    /** NAMEDATALEN - 1. */
    static final int MAX_NAME_BYTES = 63;

    private Identifiers() {
    }

    static String fold(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return bounded(raw.substring(1, raw.length() - 1).replace("\"\"", "\""));
        }
        return bounded(raw.toLowerCase(Locale.ROOT));
    }

    /**
     * PostgreSQL cuts a name to {@value #MAX_NAME_BYTES} bytes, so two names the guard tells apart (an alias of
     * users and one of a harmless subquery) could be one name to it: a longer name is refused.
     */
    private static String bounded(String name) {
        // four bytes at most per character: a short name needs no encoding to be known short enough
        if (name.length() > MAX_NAME_BYTES / 4 && name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw Refusal.construct("a name longer than " + MAX_NAME_BYTES + " bytes, which PostgreSQL would shorten");
        }
        return name;
    }

    /** pg_catalog, information_schema and every pg_* schema or relation belong to the system. */
    static boolean isSystem(String folded) {
        return folded != null && (folded.startsWith("pg_") || folded.equals("information_schema"));
    }
}
