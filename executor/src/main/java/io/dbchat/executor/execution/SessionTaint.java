package io.dbchat.executor.execution;

import io.dbchat.executor.guard.SqlText;
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

    /** The first word of the statement, past comments (block comments nest), whitespace and '('. */
    static String firstKeyword(String sql) {
        return SqlText.firstWord(sql);
    }
}
