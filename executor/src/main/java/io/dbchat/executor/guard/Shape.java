package io.dbchat.executor.guard;

import java.util.List;

/**
 * A statement reduced by {@link ShapeLexer}: {@code key} (its tokens, the plain literals replaced by their type),
 * the {@code literals} in order, and {@code marked}, the text with comments dropped and each literal replaced by
 * a numbered parameter {@code ?1}, {@code ?2}… in its place.
 */
record Shape(String key, List<Literal> literals, String marked) {

    enum Type {
        STRING("?s"), INTEGER("?i"), DECIMAL("?d");

        private final String placeholder;

        Type(String placeholder) {
            this.placeholder = placeholder;
        }

        String placeholder() {
            return placeholder;
        }
    }

    /** A literal's value: a string decoded ({@code ''} read as one quote), a number as written (a strict form). */
    record Literal(Type type, String value) {

        /** The literal as SQL: a string always re-quoted as a standard string, never copied from the input. */
        void appendTo(StringBuilder out) {
            if (type != Type.STRING) {
                out.append(value);
                return;
            }
            out.append('\'');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                out.append(c);
                if (c == '\'') {
                    out.append('\'');
                }
            }
            out.append('\'');
        }
    }
}
