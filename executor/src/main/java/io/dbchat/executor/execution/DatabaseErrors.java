package io.dbchat.executor.execution;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a database error message safe to show the user and the model: it keeps only what the statement itself
 * wrote. A quoted part ({@code "budgett"}, {@code 'x'}) survives only if the statement's text holds it (the name
 * of a missing column the model misspelt); any other (a value the database read, such as a hash cast to
 * integer) is replaced, to the message's last quote, since a value may itself hold quotes. Byte sequences
 * ({@code 0xe2 0x82}) and, for data exceptions (SQLSTATE class 22), numbers the statement does not hold go the
 * same way. Messages of classes that carry arbitrary text (a RAISE in a database function, an internal or
 * external error) are replaced whole. The SQLSTATE is never touched.
 */
public final class DatabaseErrors {

    static final String HIDDEN = "…";
    /** Classes whose message is free text: raise_exception (P0), external routines (38, 39), internal (XX, 58, F0). */
    private static final Set<String> FREE_TEXT_CLASSES = Set.of("P0", "38", "39", "XX", "58", "F0", "HV", "72");
    private static final Pattern BYTES = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern NUMBERS = Pattern.compile("(?<![\\w.])\\d[\\d.]*");

    private DatabaseErrors() {
    }

    /** {@code message} as the user and the model may see it, for a statement {@code sql} that failed with it. */
    public static String redact(String sqlState, String message, String sql) {
        if (message == null) {
            return null;
        }
        String state = sqlState == null ? "" : sqlState;
        if (state.length() >= 2 && FREE_TEXT_CLASSES.contains(state.substring(0, 2))) {
            return "the database reported an error (SQLSTATE " + state + ") whose text is not shown";
        }
        String statement = sql == null ? "" : sql.toLowerCase(Locale.ROOT);
        String out = quoted(message, statement);
        out = unless(BYTES, out, statement);
        return state.startsWith("22") ? unless(NUMBERS, out, statement) : out;
    }

    /** Quoted parts the statement holds stay; from the first one it does not, everything to the last quote goes. */
    private static String quoted(String message, String statement) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            int close = c == '"' || c == '\'' ? message.indexOf(c, i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String inner = message.substring(i + 1, close);
            if (inner.isEmpty() || statement.contains(inner.toLowerCase(Locale.ROOT))) {
                out.append(message, i, close + 1);
                i = close + 1;
                continue;
            }
            int last = Math.max(message.lastIndexOf('"'), message.lastIndexOf('\''));
            out.append(c).append(HIDDEN).append(c);
            i = last + 1;
        }
        return out.toString();
    }

    private static String unless(Pattern pattern, String message, String statement) {
        Matcher m = pattern.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(
                    statement.contains(found.toLowerCase(Locale.ROOT)) ? found : HIDDEN));
        }
        m.appendTail(out);
        return out.toString();
    }
}
