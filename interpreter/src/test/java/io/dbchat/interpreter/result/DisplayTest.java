package io.dbchat.interpreter.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.DisplayText;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.serde.Json;
import io.dbchat.interpreter.answer.TemplatedAnswers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DisplayTest {

    static final List<ColumnMeta> COLUMNS = List.of(new ColumnMeta("id", "int4"), new ColumnMeta("title", "text"),
            new ColumnMeta("due_on", "date"), new ColumnMeta("hours", "numeric"), new ColumnMeta("budget", "numeric"),
            new ColumnMeta("done", "bool"));

    @Test
    void eachCellReadsAsTheWordsWriteItAndTextOrNullIsLeftToTheValue() {
        List<Object> row = Arrays.asList(1234, "Write the report", "2024-03-12", new BigDecimal("2.345678"),
                new BigDecimal("1234.5"), true);

        DisplayText shown = Display.of(COLUMNS, List.of(row, Arrays.asList(null, "Plan", null, null, null, null),
                Arrays.asList(7, null, null, new BigDecimal("2.50"), null, null)));

        assertThat(shown.kinds()).containsExactly("number", "text", "date", "number", "money", "boolean");
        assertThat(shown.cells().getFirst()).containsExactly("1,234", null, "12 March 2024", "2.35", "$1,234.50", "yes");
        assertThat(shown.cells().get(1)).as("a row with nothing to say beyond its values").isNull();
        assertThat(shown.cells().get(2)).as("numbers always: 2.50 would read 2.5 in JavaScript")
                .containsExactly("7", null, null, "2.50", null, null);
    }

    @Test
    void aPeriodBucketReadsAsThePeriodInTheTableAsInTheWords() {
        var columns = List.of(new ColumnMeta("month", "timestamptz"), new ColumnMeta("quarter", "date"),
                new ColumnMeta("signed_on", "date"));
        List<Object> row = List.of("2025-01-01T00:00:00Z", "2025-04-01", "2025-01-01");

        assertThat(Display.of(columns, List.of(row)).cells().getFirst())
                .containsExactly("January 2025", "Q2 2025", "1 January 2025");
    }

    @Test
    void theTableOfASingleRowSaysWhatTheWordsSay() {
        var columns = List.of(new ColumnMeta("total_budget", "numeric"), new ColumnMeta("mean", "numeric"),
                new ColumnMeta("projects", "int8"));
        List<Object> row = List.of(new BigDecimal("12345678.9"), new BigDecimal("45678.123456789"), 270L);
        var question = QuestionAsked.of("q", "c", "p", "demo", "Budgets?", Instant.EPOCH);
        var proposal = SqlProposed.of(question, "SELECT sum(budget) AS total_budget, avg(budget) AS mean, "
                + "count(*) AS projects FROM projects", 1, TranslatorInfo.user("web"), Usage.NONE, 0, "v", List.of());
        var answered = QueryAnswered.of(proposal, columns, List.of(row), false, 3);

        String words = TemplatedAnswers.answer(answered);

        assertThat(Display.of(columns, List.of(row)).cells().getFirst()).containsExactly("$12,345,678.90", "45,678.12", "270")
                .allSatisfy(cell -> assertThat(words).contains(cell));
    }

    /** What the display text costs: printed for docs/ARCHITECTURE.md, bounded here. */
    @Test
    void aThousandRowsCostAtMostTheirOwnJsonAgainAndTextAlmostNothing() {
        List<List<Object>> mixed = IntStream.range(0, 1000).<List<Object>>mapToObj(i -> new ArrayList<>(List.of(
                i + 1, "Task number " + i, "2025-%02d-%02d".formatted(1 + i % 12, 1 + i % 28),
                new BigDecimal(i % 40 + ".5"), new BigDecimal(1000 * i + ".00"), i % 2 == 0))).toList();
        var textColumns = List.of(new ColumnMeta("name", "text"), new ColumnMeta("email", "text"),
                new ColumnMeta("status", "project_status"));
        List<List<Object>> text = IntStream.range(0, 1000).<List<Object>>mapToObj(i -> List.of(
                "Person " + i, "person" + i + "@example.com", "Active")).toList();

        int mixedRows = bytes(mixed);
        int mixedShown = bytes(Display.of(COLUMNS, mixed));
        int textRows = bytes(text);
        int textShown = bytes(Display.of(textColumns, text));

        System.out.printf("1,000 rows, 6 mixed columns: rows %,d bytes of JSON, display text %,d bytes; "
                + "3 text columns: rows %,d bytes, display text %,d bytes%n", mixedRows, mixedShown, textRows, textShown);
        assertThat(mixedShown).isLessThan(mixedRows);
        assertThat(textShown).isLessThan(textRows / 10);
    }

    private static int bytes(Object value) {
        return Json.MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;
    }
}
