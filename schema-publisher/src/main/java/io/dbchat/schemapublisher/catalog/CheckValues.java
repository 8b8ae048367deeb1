package io.dbchat.schemapublisher.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The allowed values of a one-column CHECK constraint, exactly spelled, as PostgreSQL prints it
 * ({@code pg_get_constraintdef}): {@code col IN (...)} and {@code col = ANY (ARRAY[...])} both come out
 * as the ANY form, a one-value list as {@code col = 'x'}. Anything else (NOT IN, AND, OR, ranges) has none.
 */
final class CheckValues {

    /** The column alone, maybe cast (varchar is compared as text), never inside a function call. */
    private static final String COLUMN = "^\\(+[^()\\s]+\\)?(?:::[a-z ]+)?";
    private static final Pattern ANY_FORM = Pattern.compile(COLUMN + " = ANY \\(+ARRAY\\[([^\\]]*)\\](?:\\)?::[^)]+)?\\)+$");
    private static final Pattern EQUALS_FORM = Pattern.compile(COLUMN + " = ([^=()]+)\\)+$");
    private static final Pattern ITEM = Pattern.compile("\\(?(\\u0000\\d+|-?\\d+(?:\\.\\d+)?)\\)?(?:::.+)?");
    private static final Pattern FORBIDDEN = Pattern.compile("(?i)\\b(AND|OR|NOT|ALL)\\b|<|>|!|~");

    private CheckValues() {
    }

    static Optional<List<String>> of(String definition) {
        if (definition == null || !definition.startsWith("CHECK ")) {
            return Optional.empty();
        }
        List<String> literals = new ArrayList<>();
        String skeleton = mask(definition.substring("CHECK ".length()).replaceFirst(" NOT VALID$", ""), literals);
        if (FORBIDDEN.matcher(skeleton).find()) {
            return Optional.empty();
        }
        Matcher any = ANY_FORM.matcher(skeleton);
        if (any.matches()) {
            return items(any.group(1).split(", "), literals);
        }
        Matcher equals = EQUALS_FORM.matcher(skeleton);
        return equals.matches() ? items(new String[] {equals.group(1)}, literals) : Optional.empty();
    }

    /** Replaces string literals by numbered markers and quoted names by a plain word, so neither can look like syntax. */
    private static String mask(String sql, List<String> literals) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                if (c == '\'') {
                    literals.add(sql.substring(i + 1, end).replace("''", "'"));
                    out.append('\u0000').append(literals.size() - 1);
                } else {
                    out.append("name");
                }
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of the quote closing the one at {@code start}; a doubled quote is an escaped one. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length() && !(sql.charAt(i) == quote && (i + 1 == sql.length() || sql.charAt(i + 1) != quote))) {
            i += sql.charAt(i) == quote ? 2 : 1;
        }
        return i;
    }

    private static Optional<List<String>> items(String[] items, List<String> literals) {
        List<String> values = new ArrayList<>();
        for (String item : items) {
            Matcher m = ITEM.matcher(item.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            String v = m.group(1);
            values.add(v.charAt(0) == '\u0000' ? literals.get(Integer.parseInt(v.substring(1))) : v);
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(values));
    }
}
