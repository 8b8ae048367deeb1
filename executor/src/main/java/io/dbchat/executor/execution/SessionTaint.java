package io.dbchat.executor.execution;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, from the text alone, whether a statement might have changed its connection's session (settings,
 * an open transaction block, advisory locks...), so that the connection must be reset before the next user
 * gets it. Conservative: a statement is clean only if its first keyword (after comments, whitespace and
 * parentheses) is SELECT, WITH, VALUES or TABLE and its text holds none of the session-changing function
 * names, no Unicode-escaped identifier ({@code U&}) and no backslash.
 */
final class SessionTaint {

    private static final Set<String> QUERY_KEYWORDS = Set.of("select", "with", "values", "table");
    private static final List<String> SUSPECT_TEXT = List.of("set_config", "pg_advisory", "setseed", "dblink",
            "u&", "\\");

    private SessionTaint() {
    }

    static boolean taints(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return !QUERY_KEYWORDS.contains(firstKeyword(lower))
                || SUSPECT_TEXT.stream().anyMatch(lower::contains);
    }

    /** The first word of the statement, skipping comments (block comments nest), whitespace and '('. */
    static String firstKeyword(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = afterBlockComment(sql, i);
            } else {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                return sql.substring(start, i);
            }
        }
        return "";
    }

    private static int afterBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
