package io.dbchat.standalone.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionFileTest {

    /** The question shapes issue 20 names, the categories of the held-out sets since v6. */
    private static final List<String> SHAPES = List.of("count", "list", "filter", "aggregate", "group", "time_bucket",
            "relative_period", "top_n", "distinct_join", "zero_count", "negation", "column_compare", "related_filter",
            "multi_aggregate", "order", "duration", "catalog_word", "refuse");

    @TempDir
    Path dir;

    @Test
    void readsCsvWithQuotedCommasQuotesAndLineBreaks() throws IOException {
        Path file = write("q.csv", "question,gold_sql,category\n"
                + "How many teams?,SELECT count(*) FROM teams,count\n"
                + "\"Names, and ages\",\"SELECT name,\n  age FROM users WHERE note = \"\"x\"\"\",listing\n");

        var questions = QuestionFile.read(file);

        assertThat(questions).containsExactly(
                new EvalQuestion("How many teams?", "SELECT count(*) FROM teams", "count"),
                new EvalQuestion("Names, and ages", "SELECT name,\n  age FROM users WHERE note = \"x\"", "listing"));
    }

    @Test
    void readsCsvColumnsInAnyOrderWithTheCategoryOptional() throws IOException {
        Path file = write("q.csv", "gold_sql,question\r\nSELECT 1,One?\r\n");

        assertThat(QuestionFile.read(file)).containsExactly(new EvalQuestion("One?", "SELECT 1", "all"));
    }

    @Test
    void refusesACsvWithoutAGoldColumn() throws IOException {
        Path file = write("q.csv", "question,sql\nOne?,SELECT 1\n");

        assertThatThrownBy(() -> QuestionFile.read(file)).hasMessageContaining("gold_sql");
    }

    @Test
    void refusesACsvRowWithMoreFieldsThanTheHeaderNamingItsLine() throws IOException {
        Path file = write("q.csv", "question,gold_sql\n\"Two\nlines?\",SELECT 1\nNames?,SELECT name, age FROM users\n");

        assertThatThrownBy(() -> QuestionFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 4 has 3 fields, the header names 2");
    }

    @Test
    void refusesAJsonLineWithAFieldOfItsOwnNamingItsLine() throws IOException {
        Path file = write("q.jsonl", "{\"question\": \"One?\", \"gold_sql\": \"SELECT 1\"}\n\n"
                + "{\"question\": \"Two?\", \"gold_sql\": \"SELECT 2\", \"difficulty\": \"easy\"}\n");

        assertThatThrownBy(() -> QuestionFile.read(file)).hasMessage(
                "line 3 has fields other than [question, gold_sql, category]: [difficulty]");
        Path broken = write("b.jsonl", "{\"question\": \"One?\"\n");
        assertThatThrownBy(() -> QuestionFile.read(broken)).hasMessageStartingWith("line 1 is not a JSON object");
    }

    @Test
    void readsJsonLines() throws IOException {
        Path file = write("q.jsonl", """
                {"question": "How many teams?", "gold_sql": "SELECT count(*) FROM teams", "category": "count"}

                {"question": "Teams?", "gold_sql": "SELECT name FROM teams"}
                """);

        assertThat(QuestionFile.read(file)).containsExactly(
                new EvalQuestion("How many teams?", "SELECT count(*) FROM teams", "count"),
                new EvalQuestion("Teams?", "SELECT name FROM teams", "all"));
    }

    @Test
    void splitsAConversationIntoItsTurns() {
        var q = new EvalQuestion("How many tasks are there? >> only the High ones", "SELECT 1", "followup");

        assertThat(q.turns()).containsExactly("How many tasks are there?", "only the High ones");
    }

    @Test
    void readsTheShippedDemoQuestions() throws IOException {
        var questions = QuestionFile.read(Path.of("src/main/resources/eval/demo-questions.csv"));

        assertThat(questions).hasSize(100);
        assertThat(questions).extracting(EvalQuestion::category).contains("count", "listing", "filter", "comparison",
                "date", "aggregate", "group", "order", "distinct", "join", "followup");
    }

    @Test
    void readsTheSixthHeldOutSetWithItsSchemas() throws IOException {
        List<EvalQuestion> questions = readWithSchemas(OfflineEvaluation.HELD_OUT_V6, 42, 48);

        assertThat(questions).hasSizeGreaterThanOrEqualTo(170);
        assertThat(questions).extracting(EvalQuestion::question).doesNotHaveDuplicates();
        assertThat(questions).extracting(EvalQuestion::category).hasSameElementsAs(SHAPES);
        assertThat(questions).filteredOn(EvalQuestion::expectsRefusal)
                .hasSizeBetween(questions.size() / 12, questions.size() / 8)
                .allMatch(q -> q.category().equals("refuse"));
    }

    @Test
    void readsTheSeventhHeldOutSetWithItsSchemas() throws IOException {
        List<EvalQuestion> questions = readWithSchemas(OfflineEvaluation.HELD_OUT_V7, 46, 46);

        assertThat(questions).hasSize(230);
        assertThat(questions).extracting(EvalQuestion::question).doesNotHaveDuplicates();
        assertThat(questions).extracting(EvalQuestion::category)
                .hasSameElementsAs(Stream.concat(SHAPES.stream(), Stream.of("other")).toList());
        assertThat(questions).filteredOn(EvalQuestion::expectsRefusal).hasSize(20)
                .allMatch(q -> q.category().equals("refuse"));
        assertThat(questions).filteredOn(q -> q.category().equals("refuse")).allMatch(EvalQuestion::expectsRefusal);
    }

    @Test
    void readsTheEighthHeldOutSetWithItsSchemas() throws IOException {
        List<EvalQuestion> questions = readWithSchemas(OfflineEvaluation.HELD_OUT_V8, 46, 46);

        assertThat(questions).hasSize(230);
        assertThat(questions).extracting(EvalQuestion::question).doesNotHaveDuplicates();
        assertThat(questions.stream().collect(Collectors.groupingBy(EvalQuestion::category, Collectors.counting())))
                .isEqualTo(Map.ofEntries(Map.entry("count", 10L), Map.entry("list", 10L), Map.entry("filter", 15L),
                        Map.entry("aggregate", 10L), Map.entry("group", 15L), Map.entry("time_bucket", 10L),
                        Map.entry("relative_period", 15L), Map.entry("top_n", 15L), Map.entry("negation", 15L),
                        Map.entry("zero_count", 10L), Map.entry("distinct_join", 10L), Map.entry("column_compare", 10L),
                        Map.entry("related_filter", 10L), Map.entry("multi_aggregate", 10L), Map.entry("order", 10L),
                        Map.entry("duration", 10L), Map.entry("catalog_word", 15L), Map.entry("refuse", 20L),
                        Map.entry("other", 10L)));
        assertThat(questions).filteredOn(EvalQuestion::expectsRefusal).hasSize(20)
                .allMatch(q -> q.category().equals("refuse"));
        assertThat(questions).filteredOn(q -> q.category().equals("refuse")).allMatch(EvalQuestion::expectsRefusal);
    }

    /**
     * The questions of every suite, checking that each schema declares what a real one would (an enum type, keys,
     * value lists, column comments, dates relative to today) and each suite has between min and max questions.
     */
    private static List<EvalQuestion> readWithSchemas(List<OfflineEvaluation.Suite> suites, int min, int max)
            throws IOException {
        List<EvalQuestion> questions = new ArrayList<>();
        for (OfflineEvaluation.Suite suite : suites) {
            assertThat(OfflineEvaluation.resource(suite.schemaResource()))
                    .contains("CREATE TYPE", "CREATE TABLE", "REFERENCES", "CHECK (", "COMMENT ON COLUMN", "current_date");
            List<EvalQuestion> read = QuestionFile.csv(OfflineEvaluation.resource(suite.questionsResource()));
            assertThat(read).hasSizeBetween(min, max);
            questions.addAll(read);
        }
        return questions;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
