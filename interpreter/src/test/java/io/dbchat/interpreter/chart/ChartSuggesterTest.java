package io.dbchat.interpreter.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.serde.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChartSuggesterTest {

    @Test
    void aCategoryAndANumberMakeABarChartLargestFirst() {
        var spec = ChartSuggester.suggest(List.of(col("status", "text"), col("count", "int8")),
                List.of(List.of("Open", 412), List.of("Done", 37)));

        assertThat(spec).containsEntry("$schema", "https://vega.github.io/schema/vega-lite/v5.json");
        assertThat(spec.get("mark")).isEqualTo(Map.of("type", "bar", "tooltip", true));
        assertThat(encoding(spec, "x")).containsEntry("field", "status").containsEntry("type", "nominal")
                .containsEntry("sort", "-y");
        assertThat(encoding(spec, "y")).containsEntry("field", "count").containsEntry("type", "quantitative");
        assertThat(values(spec)).containsExactly(Map.of("status", "Open", "count", 412), Map.of("status", "Done", "count", 37));
    }

    @Test
    void aDateAndANumberMakeALineChart() {
        var spec = ChartSuggester.suggest(List.of(col("day", "date"), col("hours", "numeric")),
                List.of(List.of("2024-03-01", 3), List.of("2024-03-02", 5)));

        assertThat(spec.get("mark")).isEqualTo(Map.of("type", "line", "tooltip", true));
        assertThat(encoding(spec, "x")).containsEntry("field", "day").containsEntry("type", "temporal");
        assertThat(encoding(spec, "y")).containsEntry("field", "hours").containsEntry("type", "quantitative");
    }

    @Test
    void aYearAndANumberMakeALineOverOrderedYears() {
        var spec = ChartSuggester.suggest(List.of(col("year", "int4"), col("count", "int8")),
                List.of(List.of(2023, 3), List.of(2024, 5)));

        assertThat(spec.get("mark")).isEqualTo(Map.of("type", "line", "tooltip", true));
        assertThat(encoding(spec, "x")).containsEntry("field", "year").containsEntry("type", "ordinal");
    }

    @Test
    void moneyInItsTextFormIsPlottedAsNumbers() {
        var spec = ChartSuggester.suggest(List.of(col("team", "text"), col("spent", "money")),
                List.of(List.of("Data", "$1,200.50"), List.of("Web", "$80.00")));

        assertThat(values(spec)).extracting(v -> v.get("spent").toString()).containsExactly("1200.50", "80.00");
    }

    @Test
    void twoNumbersMakeAScatterPlotAndIdentifiersAreNotMeasures() {
        var spec = ChartSuggester.suggest(List.of(col("id", "int4"), col("budget", "numeric"), col("hours", "float8")),
                List.of(List.of(1, 10, 2), List.of(2, 20, 4)));

        assertThat(spec.get("mark")).isEqualTo(Map.of("type", "point", "tooltip", true));
        assertThat(encoding(spec, "x")).containsEntry("field", "budget");
        assertThat(encoding(spec, "y")).containsEntry("field", "hours");
    }

    @Test
    void aSingleValueOrARowOrTextOnlyHasNoChart() {
        assertThat(ChartSuggester.suggest(List.of(col("count", "int8")), List.of(List.of(600)))).isNull();
        assertThat(ChartSuggester.suggest(List.of(col("name", "text"), col("budget", "numeric")),
                List.of(List.of("Apollo", 5)))).isNull();
        assertThat(ChartSuggester.suggest(List.of(col("name", "text"), col("email", "text")),
                List.of(List.of("a", "b"), List.of("c", "d")))).isNull();
        assertThat(ChartSuggester.suggest(List.of(col("count", "int8")), List.of(List.of(1), List.of(2)))).isNull();
    }

    @Test
    void inlinesAtMostTheCapOfRows() {
        List<List<Object>> rows = IntStream.range(0, 800).mapToObj(i -> List.<Object>of("c" + i, i)).toList();

        var spec = ChartSuggester.suggest(List.of(col("name", "text"), col("n", "int4")), rows);

        assertThat(values(spec)).hasSize(ChartSuggester.MAX_ROWS);
    }

    @Test
    void isPlainDataWithEscapedFieldNamesAndNoExpressions() {
        var spec = ChartSuggester.suggest(List.of(col("team.name", "text"), col("n", "int4")),
                List.of(List.of("a", 1), List.of("b", 2)));

        assertThat(encoding(spec, "x")).containsEntry("field", "team\\.name");
        String json = Json.MAPPER.writeValueAsString(spec);
        assertThat(json).doesNotContain("\"transform\"", "\"expr\"", "\"signal\"", "\"calculate\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> encoding(Map<String, Object> spec, String channel) {
        return ((Map<String, Map<String, Object>>) spec.get("encoding")).get(channel);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> values(Map<String, Object> spec) {
        return ((Map<String, List<Map<String, Object>>>) spec.get("data")).get("values");
    }

    private static ColumnMeta col(String name, String type) {
        return new ColumnMeta(name, type);
    }
}
