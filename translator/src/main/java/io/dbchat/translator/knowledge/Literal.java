package io.dbchat.translator.knowledge;

import java.util.Set;

/**
 * A literal of a question: a number, a date, or a name (quoted, capitalised, a stored value of the schema, then
 * spelled as the catalog spells it, or a word the known SQL holds as a string). {@code start} and {@code end} delimit
 * it in the question; {@code columns} are the columns ({@code table.column}) whose stored values it is, empty when it
 * is none's.
 */
record Literal(Kind kind, String value, int start, int end, Set<String> columns) {

    enum Kind { NUMBER, DATE, TEXT }

    Literal {
        columns = columns == null ? Set.of() : Set.copyOf(columns);
    }

    Literal(Kind kind, String value, int start, int end) {
        this(kind, value, start, end, Set.of());
    }

    /** The literal as the SQL spells it: a number bare, anything else as a string's content. */
    boolean sameValue(Literal other) {
        return kind == other.kind && (kind == Kind.TEXT ? value.equalsIgnoreCase(other.value) : value.equals(other.value));
    }

    /**
     * Whether {@code other} may take this literal's place in its SQL: a stored value only by another value of one of
     * its columns ("Open" for "Paid", both invoice statuses, never a client's tier), anything else by its kind.
     */
    boolean replaceableBy(Literal other) {
        return kind == other.kind && (columns.isEmpty() || other.columns.stream().anyMatch(columns::contains));
    }
}
