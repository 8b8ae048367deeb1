package io.dbchat.translator.prompt;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SqlIdentifiers;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a model needs to correct a refused name: the real columns of the published tables its SQL names (a table
 * is named when an identifier of the SQL spells it as PostgreSQL would resolve it: unquoted case-insensitively,
 * quoted exactly), or, when it names none, the published tables. Only published names are given: nothing the
 * snapshot leaves out. Pure.
 */
final class RefusalHint {

    /** A quoted identifier (with "" for a quote) or a plain one; string literals are skipped whole. */
    private static final Pattern TOKEN = Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")+)\"|([\\p{L}_][\\p{L}\\p{N}_$]*)");
    private static final int MAX_TABLES = 60;

    private RefusalHint() {
    }

    static String of(SchemaSnapshot schema, String sql) {
        Set<String> named = identifiers(sql);
        List<TableSchema> tables = schema.tables().stream().filter(t -> named.contains(t.name())).toList();
        if (tables.isEmpty()) {
            return "The SQL names none of the tables there are. The tables are: " + schema.tables().stream()
                    .limit(MAX_TABLES).map(SchemaSelector::ref).collect(Collectors.joining(", ")) + ".";
        }
        return "The tables it names have exactly these columns:\n" + tables.stream()
                .map(t -> "- " + SchemaSelector.ref(t) + ": " + t.columns().stream().map(ColumnSchema::name)
                        .map(SqlIdentifiers::quote).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    /** Every identifier as PostgreSQL folds it: unquoted ones in lower case, quoted ones as written. */
    private static Set<String> identifiers(String sql) {
        Set<String> out = new HashSet<>();
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(m.group(1).replace("\"\"", "\""));
            } else if (m.group(2) != null) {
                out.add(m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
