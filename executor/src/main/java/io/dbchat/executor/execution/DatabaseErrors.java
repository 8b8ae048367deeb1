package io.dbchat.executor.execution;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a database error message safe to show the user and the model: it keeps only what the statement itself
 * wrote. Quoted parts ({@code "budgett"}, {@code 'x'}) survive only if the statement's text holds them (the name
 * of a missing column the model misspelt); otherwise (a value the database read, such as a hash cast to
 * integer) everything from the first quote to the last is replaced, since a value may itself hold quotes. Byte sequences
 * ({@code 0xe2 0x82}) and, for data exceptions (SQLSTATE class 22), numbers the statement does not hold go the
 * same way. Messages of classes that carry arbitrary text (a RAISE in a database function, an internal or
 * external error) are replaced whole. The SQLSTATE is never touched.
 */
public final class DatabaseErrors {

    static final String HIDDEN = "…";
    /** Classes whose message is free text: raise_exception (P0), external routines (38, 39), internal (XX, 58, F0). */
    private static final Set<String> FREE_TEXT_CLASSES = Set.of("P0", "38", "39", "XX", "58", "F0", "HV", "72");
    private static final Pattern BYTES = Pattern.compile("0x[0-9a-fA-F]+");
    /** The words PostgreSQL's messages put between two quoted names ("column "a" of relation "b""). */
    private static final Set<String> GAP_WORDS = Set.of("of", "relation", "for", "in", "encoding", "has", "no",
            "equivalent", "type", "table", "column", "schema", "function", "and", "to", "from", "is", "not", "the",
            "at", "or", "near", "on", "constraint", "operator", "index", "view", "with", "but", "expression",
            "does", "exist", "as", "parameter", "value", "invalid");
    private static final Pattern NUMBERS = Pattern.compile("(?<![\\w.])\\d[\\d.]*(?![x\\d])");

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
        out = unless(BYTES, out, statement, "0x" + HIDDEN);
        return state.startsWith("22") ? unless(NUMBERS, out, statement, HIDDEN) : out;
    }

    /**
     * The stretch from the first quote to the last stays only if every quoted part in it is text the statement
     * holds and every stretch between quoted parts is made of the few words PostgreSQL's messages put there; a
     * value can hold quotes itself, so a single doubt replaces the whole stretch.
     */
    private static String quoted(String message, String statement) {
        int first = indexOfQuote(message, 0);
        if (first < 0) {
            return message;
        }
        int last = Math.max(message.lastIndexOf('"'), message.lastIndexOf('\''));
        return statesOnly(message.substring(first, last + 1), statement) ? message
                : message.substring(0, first) + '"' + HIDDEN + '"' + message.substring(last + 1);
    }

    private static boolean statesOnly(String stretch, String statement) {
        int i = 0;
        while (i < stretch.length()) {
            char quote = stretch.charAt(i);
            int close = stretch.indexOf(quote, i + 1);
            if (close < 0 || !statement.contains(stretch.substring(i + 1, close).toLowerCase(Locale.ROOT))) {
                return false;
            }
            int next = indexOfQuote(stretch, close + 1);
            if (next < 0) {
                return close == stretch.length() - 1;
            }
            String gap = stretch.substring(close + 1, next).strip().toLowerCase(Locale.ROOT);
            if (!gap.isEmpty() && !Arrays.stream(gap.split("[\\s,:;()]+")).allMatch(GAP_WORDS::contains)) {
                return false;
            }
            i = next;
        }
        return true;
    }

    private static int indexOfQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                return i;
            }
        }
        return -1;
    }

    private static String unless(Pattern pattern, String message, String statement, String hidden) {
        Matcher m = pattern.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(
                    statement.contains(found.toLowerCase(Locale.ROOT)) ? found : hidden));
        }
        m.appendTail(out);
        return out.toString();
    }
}
