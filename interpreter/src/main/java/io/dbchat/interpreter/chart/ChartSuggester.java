package io.dbchat.interpreter.chart;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.interpreter.result.ColumnKind;
import io.dbchat.interpreter.result.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Suggests a chart from a result's shape, as a declarative Vega-Lite v5 spec with the rows inline: a date or
 * time and a number → line; a category and a number → bar; two numbers → scatter; anything else, a single
 * value included → none (null). Only data and encodings are written, never an expression or code to run.
 */
public final class ChartSuggester {

    public static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
    /** Rows inlined at most, so a spec stays small enough for a reply event. */
    public static final int MAX_ROWS = 500;

    private ChartSuggester() {
    }

    public static Map<String, Object> suggest(List<ColumnMeta> columns, List<List<Object>> rows) {
        if (rows.size() < 2) {
            return null;
        }
        int measure = first(columns, -1, ChartSuggester::isMeasure);
        if (measure < 0) {
            return null;
        }
        int time = first(columns, measure, c -> ColumnKind.of(c).isTemporal());
        if (time >= 0) {
            // a year is a number, which Vega-Lite would read as milliseconds since 1970: it is ordered, not parsed
            String type = ColumnKind.of(columns.get(time)) == ColumnKind.YEAR ? "ordinal" : "temporal";
            return spec("line", columns, rows, axis(columns.get(time), type), axis(columns.get(measure), "quantitative"));
        }
        int category = first(columns, measure, c -> !ColumnKind.of(c).isNumeric());
        if (category >= 0) {
            Map<String, Object> x = axis(columns.get(category), "nominal");
            x.put("sort", "-y");
            return spec("bar", columns, rows, x, axis(columns.get(measure), "quantitative"));
        }
        int second = first(columns, measure, ChartSuggester::isMeasure);
        return second < 0 ? null
                : spec("point", columns, rows, axis(columns.get(measure), "quantitative"), axis(columns.get(second), "quantitative"));
    }

    private static boolean isMeasure(ColumnMeta column) {
        return ColumnKind.isMeasure(column);
    }

    private static int first(List<ColumnMeta> columns, int except, Predicate<ColumnMeta> test) {
        return IntStream.range(0, columns.size()).filter(i -> i != except && test.test(columns.get(i))).findFirst().orElse(-1);
    }

    private static Map<String, Object> spec(String mark, List<ColumnMeta> columns, List<List<Object>> rows,
                                            Map<String, Object> x, Map<String, Object> y) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("$schema", SCHEMA);
        spec.put("data", Map.of("values", values(columns, rows)));
        spec.put("mark", Map.of("type", mark, "tooltip", true));
        spec.put("encoding", Map.of("x", x, "y", y));
        return spec;
    }

    /** The rows as records; measures that arrive as text (money) become numbers, so they can be plotted. */
    private static List<Map<String, Object>> values(List<ColumnMeta> columns, List<List<Object>> rows) {
        return rows.stream().limit(MAX_ROWS).map(row -> {
            Map<String, Object> value = new LinkedHashMap<>();
            IntStream.range(0, columns.size()).forEach(i -> value.put(columns.get(i).name(),
                    isMeasure(columns.get(i)) && row.get(i) instanceof String text ? Values.numeric(text) : row.get(i)));
            return value;
        }).toList();
    }

    private static Map<String, Object> axis(ColumnMeta column, String type) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("field", field(column.name()));
        axis.put("type", type);
        axis.put("title", column.name().replace('_', ' '));
        return axis;
    }

    /** Vega-Lite reads dots and brackets in a field name as nested access; a column name means itself. */
    static String field(String name) {
        return name.replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[").replace("]", "\\]");
    }
}
