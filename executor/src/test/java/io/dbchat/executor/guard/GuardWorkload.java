package io.dbchat.executor.guard;

import io.dbchat.contracts.policy.AccessPolicies;
import io.dbchat.contracts.policy.PolicySubject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The statement streams of the guard benchmarks, built from the legitimate corpus (see BENCHMARK.md):
 * <ul>
 * <li>{@link #fresh} — a shape never seen before: the statement wrapped in a derived table whose alias is new
 * every time, so neither cache can answer it and the parser runs;</li>
 * <li>{@link #typical} — a new text of a known shape: every plain literal gets a new value, as in translations of
 * similar questions (row limits and typed literals such as {@code DATE '…'} are part of a statement's shape and
 * stay); a statement without such a literal gets a new trailing comment instead. The texts are made in advance
 * (so that making them is not measured), {@value #TYPICAL_ROUNDS} variants of each statement, and come round again
 * only after more than 8,000 others: far more than the verdict cache holds, so it never answers them;</li>
 * <li>{@link #repeated} — the corpus text itself, as replays and retries send it.</li>
 * </ul>
 * The literal scan here is deliberately independent of the guard's own lexer.
 */
final class GuardWorkload {

    private static final Set<String> KEPT_BEFORE = Set.of(
            "date", "time", "timestamp", "interval", "limit", "offset", "first", "next", "by");

    private static final int TYPICAL_ROUNDS = 54;

    /** Access policies for the benchmarks' policy variants: row filters on four tables and a column rule. */
    static final AccessPolicies POLICIES = AccessPolicies.parse("""
            datasources:
              consultancy:
                rows:
                  clients: "country = :country"
                  projects: "team_id = :team_id::int"
                  tasks: "assignee_id = :user_id::int OR :role = 'manager'"
                  time_entries: "user_id = :user_id::int"
                columns:
                  users:
                    hourly_rate: [hr, manager]
            """);
    /** The principal the policy variants check for (a manager, so every corpus column stays readable). */
    static final PolicySubject ASKER = PolicySubject.of(
            Map.of("country", "DE", "team_id", "2", "user_id", "7", "role", "manager"));

    private final List<String> corpus = GuardCorpus.legit();
    private final String[] typical = new String[corpus.size() * TYPICAL_ROUNDS];

    GuardWorkload() {
        for (int serial = 0; serial < typical.length; serial++) {
            String sql = corpus.get(index(serial));
            String varied = vary(sql, serial);
            typical[serial] = varied.equals(sql) ? sql + " /* " + serial + " */" : varied;
        }
    }

    int size() {
        return corpus.size();
    }

    String repeated(long serial) {
        return corpus.get(index(serial));
    }

    String fresh(long serial) {
        return "SELECT * FROM (" + corpus.get(index(serial)) + ") AS fresh_" + serial;
    }

    String typical(long serial) {
        return typical[(int) (serial % typical.length)];
    }

    /** The statement with a new value, derived from {@code serial}, for every plain literal. */
    static String vary(String sql, long serial) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = stringEnd(sql, i);
                if (end < 0) {
                    out.append(sql, i, sql.length());
                    break;
                }
                if (kept(sql, i)) {
                    out.append(sql, i, end);
                } else {
                    out.append(variedString(sql.substring(i + 1, end - 1), serial));
                }
                i = end;
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1) < 0 ? sql.length() : sql.indexOf('"', i + 1) + 1;
                out.append(sql, i, end);
                i = end;
            } else if (Character.isDigit(c) && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                int end = i;
                while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                String number = sql.substring(i, end);
                if (kept(sql, i)) {
                    out.append(number);
                } else {
                    out.append(variedNumber(number, serial));
                }
                i = end;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < sql.length() && isWordChar(sql.charAt(end))) {
                    end++;
                }
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private int index(long serial) {
        return (int) (serial % corpus.size());
    }

    /** Typed literals, row limits and positional ORDER / GROUP BY references are part of a statement's shape. */
    private static boolean kept(String sql, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && isWordChar(sql.charAt(start - 1))) {
            start--;
        }
        return KEPT_BEFORE.contains(sql.substring(start, end).toLowerCase(Locale.ROOT));
    }

    private static String variedString(String content, long serial) {
        String value = serial % 7 == 0 ? "it''s " + serial : content + " " + serial;
        return "'" + value + "'";
    }

    private static String variedNumber(String number, long serial) {
        if (number.contains(".") || number.length() > 15) {
            return number + (serial % 10);
        }
        return Long.toString(Long.parseLong(number) + serial % 1000 + 1);
    }

    private static int stringEnd(String sql, int open) {
        int i = open + 1;
        while (true) {
            int close = sql.indexOf('\'', i);
            if (close < 0) {
                return -1;
            }
            if (close + 1 < sql.length() && sql.charAt(close + 1) == '\'') {
                i = close + 2;
            } else {
                return close + 1;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
