package io.dbchat.translator.offline;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.TableSchema;
import java.util.Locale;
import java.util.Set;

/**
 * A column of a table as SQL can use it; {@code expression} (with {@code %1$s} for the column, and {@code %2$s} for
 * {@code other} when the value derives from two columns, such as the days between two dates) and {@code alias} are
 * set for derived values such as an age computed from a birth date.
 */
record Col(TableSchema table, ColumnSchema column, String expression, String alias, Col other) {

    Col(TableSchema table, ColumnSchema column, String expression, String alias) {
        this(table, column, expression, alias, null);
    }

    private static final Set<String> NUMERIC = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "decimal", "int", "int2", "int4", "int8", "float4", "float8", "money");

    static Col of(TableSchema table, ColumnSchema column) {
        return new Col(table, column, null, null);
    }

    String name() {
        return alias != null ? alias : column.name();
    }

    private String type() {
        return column.type().toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").strip();
    }

    boolean isNumeric() {
        return expression != null || NUMERIC.contains(type());
    }

    boolean isDate() {
        return expression == null && (type().equals("date") || type().startsWith("timestamp"));
    }

    boolean isTimestamp() {
        return expression == null && type().startsWith("timestamp");
    }

    boolean isBoolean() {
        return expression == null && (type().equals("boolean") || type().equals("bool"));
    }

    boolean isYear() {
        return isNumeric() && expression == null && words().contains("year");
    }

    /** The words of the column's name, short ones spelled out ({@link Abbreviations#words}): what the name means. */
    java.util.List<String> words() {
        return Abbreviations.words(column);
    }

    boolean isText() {
        String t = type();
        return t.equals("text") || t.startsWith("character") || t.startsWith("varchar") || t.startsWith("char")
                || t.equals("citext") || !column.values().isEmpty();
    }

    /** Keys and references: numbers that are not quantities. */
    boolean isKey() {
        String n = column.name().toLowerCase(Locale.ROOT);
        return n.equals("id") || n.endsWith("_id") || n.endsWith("id") && n.length() > 2 && Character.isUpperCase(column.name().charAt(n.length() - 2));
    }
}
