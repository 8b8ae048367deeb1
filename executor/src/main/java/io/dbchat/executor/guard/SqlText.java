package io.dbchat.executor.guard;

/**
 * Lexical facts about raw SQL text, read without parsing: string literals, quoted names and comments skipped.
 * Public for the executor's session check, which needs the same first word.
 */
public final class SqlText {

    private SqlText() {
    }

    static int parenthesisDepth(String sql) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i, c);
            } else if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth--;
            }
        }
        return max;
    }

    /** Whether anything but blanks and comments follows a semicolon outside literals. */
    static boolean hasStatementAfterSemicolon(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i, c);
            } else if (c == ';') {
                return !firstWord(sql.substring(i + 1)).isEmpty();
            }
        }
        return false;
    }

    /** The first word, past leading blanks, comments (block comments nest, as in PostgreSQL) and parentheses. */
    public static String firstWord(String sql) {
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
                break;
            }
        }
        int start = i;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return sql.substring(start, i);
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

    private static int closing(String sql, int open, char quote) {
        int end = sql.indexOf(quote, open + 1);
        return end < 0 ? sql.length() : end;
    }
}
