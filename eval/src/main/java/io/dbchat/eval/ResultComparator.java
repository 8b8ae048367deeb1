package io.dbchat.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution-accuracy comparison as text-to-SQL benchmarks do it: the generated result matches the gold
 * one when some choice of its columns (extra columns are tolerated) holds the gold's rows, in the same
 * order only when the gold SQL orders, with the same duplicates. Numbers compare at the coarser scale of
 * the two columns (1.50 = 1.5, 3.14 = 3.14159), NULL equals only NULL, column names are ignored.
 */
public final class ResultComparator {

    private static final int MAX_SCALE = 6;
    private static final String NULL = "\u0000NULL";

    private ResultComparator() {
    }

    /** Column names and rows as JDBC returned them (numbers, strings, dates, booleans, nulls). */
    public record Result(List<String> columns, List<List<Object>> rows) {
    }

    public record Verdict(boolean match, String reason) {

        static Verdict yes() {
            return new Verdict(true, "match");
        }

        static Verdict no(String reason) {
            return new Verdict(false, reason);
        }
    }

    public static Verdict compare(Result gold, Result generated, boolean ordered) {
        if (gold.rows().size() != generated.rows().size()) {
            return Verdict.no("expected " + gold.rows().size() + " rows, got " + generated.rows().size());
        }
        if (gold.rows().isEmpty()) {
            return Verdict.yes();
        }
        int[] mapping = new int[gold.columns().size()];
        boolean found = assign(gold, generated, ordered, 0, mapping, new boolean[generated.columns().size()]);
        return found ? Verdict.yes() : Verdict.no(generated.columns().size() < gold.columns().size()
                ? "expected " + gold.columns().size() + " columns, got " + generated.columns().size()
                : "no choice of the generated columns holds the expected " + (ordered ? "ordered " : "") + "rows");
    }

    /** True when the gold SQL orders its rows at the top level (not inside a subquery or window). */
    public static boolean ordersRows(String goldSql) {
        StringBuilder top = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (char c : goldSql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0) {
                top.append(c);
            }
        }
        return top.toString().toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\border\\s+by\\b.*");
    }

    /** Backtracks over gold columns, giving each an unused generated column with the same values. */
    private static boolean assign(Result gold, Result gen, boolean ordered, int g, int[] mapping, boolean[] taken) {
        if (g == mapping.length) {
            return sameRows(gold, gen, ordered, mapping);
        }
        for (int j = 0; j < gen.columns().size(); j++) {
            if (!taken[j] && sameColumn(gold, g, gen, j)) {
                taken[j] = true;
                mapping[g] = j;
                if (assign(gold, gen, ordered, g + 1, mapping, taken)) {
                    return true;
                }
                taken[j] = false;
            }
        }
        return false;
    }

    private static boolean sameColumn(Result gold, int g, Result gen, int j) {
        int scale = scale(gold, g, gen, j);
        return counts(column(gold, g, scale)).equals(counts(column(gen, j, scale)));
    }

    private static boolean sameRows(Result gold, Result gen, boolean ordered, int[] mapping) {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        int[] scales = new int[mapping.length];
        for (int g = 0; g < mapping.length; g++) {
            scales[g] = scale(gold, g, gen, mapping[g]);
        }
        for (int r = 0; r < gold.rows().size(); r++) {
            StringBuilder e = new StringBuilder();
            StringBuilder a = new StringBuilder();
            for (int g = 0; g < mapping.length; g++) {
                e.append(normalize(gold.rows().get(r).get(g), scales[g])).append('\u0001');
                a.append(normalize(gen.rows().get(r).get(mapping[g]), scales[g])).append('\u0001');
            }
            expected.add(e.toString());
            actual.add(a.toString());
        }
        return ordered ? expected.equals(actual) : counts(expected).equals(counts(actual));
    }

    private static List<String> column(Result result, int c, int scale) {
        return result.rows().stream().map(row -> normalize(row.get(c), scale)).toList();
    }

    private static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }

    /** The coarser of the two columns' finest scales, so a rounded average matches the exact one. */
    private static int scale(Result a, int ca, Result b, int cb) {
        return Math.min(maxScale(a, ca), maxScale(b, cb));
    }

    private static int maxScale(Result r, int c) {
        int max = 0;
        for (List<Object> row : r.rows()) {
            BigDecimal d = decimal(row.get(c));
            if (d != null) {
                max = Math.max(max, Math.max(0, d.stripTrailingZeros().scale()));
            }
        }
        return Math.min(max, MAX_SCALE);
    }

    private static String normalize(Object value, int scale) {
        if (value == null) {
            return NULL;
        }
        BigDecimal d = decimal(value);
        if (d != null) {
            return d.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static BigDecimal decimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case Double d when !d.isNaN() && !d.isInfinite() -> BigDecimal.valueOf(d);
            case Float f when !f.isNaN() && !f.isInfinite() -> BigDecimal.valueOf(f.doubleValue());
            case Number n when !(n instanceof Double) && !(n instanceof Float) -> new BigDecimal(n.toString());
            case null, default -> null;
        };
    }
}
