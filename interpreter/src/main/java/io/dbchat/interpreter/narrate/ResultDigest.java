package io.dbchat.interpreter.narrate;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.interpreter.result.ColumnKind;
import io.dbchat.interpreter.result.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A result as text for the LLM: columns, row count, summaries computed here from all rows, and, unless privacy
 * is on, the first rows. In privacy mode no row value is written: numeric summaries are rounded to two
 * significant digits ("about 120,000"), so not even the smallest or largest value is sent as it is.
 */
final class ResultDigest {

    private static final int MAX_CELL = 200;
    private static final MathContext ABOUT = new MathContext(2, RoundingMode.HALF_UP);

    private ResultDigest() {
    }

    static String of(QueryAnswered r, boolean privacy, int promptRows) {
        StringBuilder out = new StringBuilder();
        if (privacy) {
            out.append("Privacy mode: row values are withheld; only the result's shape and summaries are given.\n");
        }
        out.append("Columns: ").append(r.columns().stream().map(c -> c.name() + " (" + c.type() + ")")
                .collect(Collectors.joining(", "))).append('\n');
        out.append("Rows: ").append(r.rowCount()).append(r.truncated() ? " (truncated: the query found more)" : "")
                .append('\n');
        out.append("Summaries of all rows:\n");
        for (int i = 0; i < r.columns().size(); i++) {
            out.append("- ").append(summary(r.columns().get(i), column(r.rows(), i), privacy)).append('\n');
        }
        if (!privacy && promptRows > 0 && !r.rows().isEmpty()) {
            out.append(rows(r, promptRows));
        }
        return out.toString();
    }

    private static String summary(ColumnMeta column, List<Object> values, boolean privacy) {
        List<Object> present = values.stream().filter(Objects::nonNull).toList();
        String counts = column.name() + ": " + present.size() + " values, " + (values.size() - present.size())
                + " empty, " + present.stream().distinct().count() + " distinct";
        List<BigDecimal> numbers = present.stream().map(Values::numeric).filter(Objects::nonNull).toList();
        if (!ColumnKind.of(column).isNumeric() || numbers.isEmpty()) {
            return counts;
        }
        BigDecimal min = numbers.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = numbers.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal avg = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(numbers.size()), MathContext.DECIMAL64);
        return counts + ", min " + shown(min, privacy) + ", max " + shown(max, privacy)
                + ", average " + shown(avg, privacy);
    }

    private static String shown(BigDecimal value, boolean privacy) {
        return privacy ? "about " + Values.number(value.round(ABOUT).stripTrailingZeros()) : Values.number(value);
    }

    private static String rows(QueryAnswered r, int promptRows) {
        StringBuilder out = new StringBuilder("First rows (" + Math.min(promptRows, r.rows().size()) + " of "
                + r.rowCount() + "):\n");
        out.append(r.columns().stream().map(ColumnMeta::name).collect(Collectors.joining(" | "))).append('\n');
        r.rows().stream().limit(promptRows).forEach(row -> out.append(row.stream().map(ResultDigest::cell)
                .collect(Collectors.joining(" | "))).append('\n'));
        return out.toString();
    }

    private static String cell(Object value) {
        String text = value == null ? "(empty)" : String.valueOf(value).replace('\n', ' ');
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL) + "…" : text;
    }

    private static List<Object> column(List<List<Object>> rows, int index) {
        return rows.stream().map(row -> row.get(index)).toList();
    }
}
