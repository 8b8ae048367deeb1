package io.dbchat.translator.offline;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.TableSchema;
import java.util.List;

/**
 * A phrase of the schema's vocabulary (singular lower-case words) and what it names: a table, a column
 * (or an expression derived from one, such as an age from a birth date) or one stored value of a column.
 */
record Term(List<String> words, Kind kind, TableSchema table, Col column, String value, double weight) {

    enum Kind { TABLE, COLUMN, VALUE }

    static Term table(List<String> words, TableSchema table, double weight) {
        return new Term(List.copyOf(words), Kind.TABLE, table, null, null, weight);
    }

    static Term column(List<String> words, Col column, double weight) {
        return new Term(List.copyOf(words), Kind.COLUMN, column.table(), column, null, weight);
    }

    static Term value(List<String> words, Col column, String value, double weight) {
        return new Term(List.copyOf(words), Kind.VALUE, column.table(), column, value, weight);
    }

    /** True when this names a column's stored value constrained by the catalog (enum or CHECK), not a sample. */
    boolean isDeclaredValue() {
        ColumnSchema c = column == null ? null : column.column();
        return kind == Kind.VALUE && c != null && !"sample".equals(c.valuesSource());
    }
}
