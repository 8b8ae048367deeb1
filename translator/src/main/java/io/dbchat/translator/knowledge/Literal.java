package io.dbchat.translator.knowledge;

/**
 * A literal of a question: a number, a date, or a name (quoted, capitalised, or a stored value of the schema, then
 * spelled as the catalog spells it). {@code start} and {@code end} delimit it in the question.
 */
record Literal(Kind kind, String value, int start, int end) {

    enum Kind { NUMBER, DATE, TEXT }

    /** The literal as the SQL spells it: a number bare, anything else as a string's content. */
    boolean sameValue(Literal other) {
        return kind == other.kind && (kind == Kind.TEXT ? value.equalsIgnoreCase(other.value) : value.equals(other.value));
    }
}
