package io.dbchat.contracts.schema;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a snapshot as compact DDL-like text for prompts: one CREATE per table or view, columns with
 * type and nullability, allowed values with their exact spelling, comments, and keys. Pure function.
 */
public final class SchemaText {

    private SchemaText() {
    }

    public static String render(SchemaSnapshot snapshot) {
        return render(snapshot.tables());
    }

    /** Only the named tables (plain or schema-qualified, matched as {@link SchemaSnapshot#table} does), in snapshot order. */
    public static String render(SchemaSnapshot snapshot, Collection<String> tableNames) {
        List<TableSchema> chosen = tableNames.stream()
                .flatMap(n -> snapshot.table(n).stream())
                .distinct()
                .sorted((a, b) -> Integer.compare(snapshot.tables().indexOf(a), snapshot.tables().indexOf(b)))
                .toList();
        return render(chosen);
    }

    /** Size in characters (Unicode code points). */
    public static int chars(String text) {
        return text.codePointCount(0, text.length());
    }

    /** About four characters per token, the usual rule of thumb for English and SQL with BPE tokenizers. */
    public static int approxTokens(String text) {
        return (chars(text) + 3) / 4;
    }

    private static String render(List<TableSchema> tables) {
        return tables.stream().map(SchemaText::table).collect(Collectors.joining("\n"));
    }

    private static String table(TableSchema t) {
        StringBuilder out = new StringBuilder();
        out.append("CREATE ").append(t.kind() == null ? "TABLE" : t.kind().toUpperCase(java.util.Locale.ROOT))
                .append(' ').append(SqlIdentifiers.table(t.schema(), t.name())).append(" (");
        String header = headerNote(t);
        if (!header.isEmpty()) {
            out.append(" -- ").append(header);
        }
        out.append('\n');
        List<Line> lines = new java.util.ArrayList<>();
        t.columns().forEach(c -> lines.add(column(c)));
        constraints(t).forEach(c -> lines.add(new Line("  " + c, "")));
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i).render(i < lines.size() - 1)).append('\n');
        }
        return out.append(");\n").toString();
    }

    private static String headerNote(TableSchema t) {
        String rows = t.rowEstimate() > 0 ? "~" + t.rowEstimate() + " rows" : "";
        String comment = oneLine(t.comment());
        return rows.isEmpty() || comment.isEmpty() ? rows + comment : rows + "; " + comment;
    }

    /** A line of DDL and its trailing comment; the comma goes before the comment. */
    private record Line(String code, String note) {
        String render(boolean comma) {
            return code + (comma ? "," : "") + (note.isEmpty() ? "" : " -- " + note);
        }
    }

    private static Line column(ColumnSchema c) {
        StringBuilder s = new StringBuilder("  ").append(SqlIdentifiers.quote(c.name())).append(' ').append(c.type());
        if (!c.nullable()) {
            s.append(" NOT NULL");
        }
        if (c.defaultValue() != null && !c.defaultValue().startsWith("nextval(")) {
            s.append(" DEFAULT ").append(c.defaultValue());
        }
        List<String> notes = new java.util.ArrayList<>();
        if (c.values() != null && !c.values().isEmpty()) {
            notes.add(c.valuesSource() + ": " + c.values().stream().map(SqlIdentifiers::literal)
                    .collect(Collectors.joining(", ")));
        }
        if (!oneLine(c.comment()).isEmpty()) {
            notes.add(oneLine(c.comment()));
        }
        return new Line(s.toString(), String.join("; ", notes));
    }

    private static List<String> constraints(TableSchema t) {
        List<String> out = new java.util.ArrayList<>();
        if (t.primaryKey() != null && !t.primaryKey().isEmpty()) {
            out.add("PRIMARY KEY (" + columns(t.primaryKey()) + ")");
        }
        if (t.uniqueKeys() != null) {
            t.uniqueKeys().forEach(u -> out.add("UNIQUE (" + columns(u) + ")"));
        }
        if (t.foreignKeys() != null) {
            t.foreignKeys().forEach(fk -> out.add(foreignKey(fk)));
        }
        return out;
    }

    private static String foreignKey(ForeignKey fk) {
        return "FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES "
                + SqlIdentifiers.table(fk.refSchema(), fk.refTable()) + " (" + columns(fk.refColumns()) + ")";
    }

    private static String columns(List<String> names) {
        return names.stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", "));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
