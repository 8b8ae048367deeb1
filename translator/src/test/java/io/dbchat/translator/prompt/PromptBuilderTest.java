package io.dbchat.translator.prompt;

import static io.dbchat.translator.Fixtures.PROJECTS;
import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.translator.TranslationRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

    final PromptBuilder prompts = new PromptBuilder(PromptTemplate.load("translate-v1", null),
            new SchemaSelector(6000, () -> {
                throw new AssertionError("a small schema needs no embeddings");
            }), "PostgreSQL", 100);

    @Test
    void theSameSchemaVersionGivesTheSameSchemaTextWhateverTheQuestion() {
        String first = prompts.build(TranslationRequest.first(ask("How many projects?"), PROJECTS, List.of())).text();
        String second = prompts.build(TranslationRequest.first(ask("Which teams?"), PROJECTS, List.of())).text();

        assertThat(first).contains("CREATE TABLE projects (").contains("Question: How many projects?");
        assertThat(second).contains("Question: Which teams?");
        assertThat(first.replace("How many projects?", "Which teams?")).isEqualTo(second);
    }

    @Test
    void aNewSchemaVersionIsRenderedAnewNotTakenFromAnEarlierOne() {
        prompts.build(TranslationRequest.first(ask("How many projects?"), PROJECTS, List.of()));
        SchemaSnapshot changed = withColumn(PROJECTS, "projects", "deadline_on");

        String prompt = prompts.build(TranslationRequest.first(ask("How many projects?"), changed, List.of())).text();

        assertThat(prompt).contains("deadline_on");
    }

    private static SchemaSnapshot withColumn(SchemaSnapshot schema, String table, String column) {
        List<TableSchema> tables = schema.tables().stream().map(t -> {
            if (!t.name().equals(table)) {
                return t;
            }
            List<ColumnSchema> columns = new ArrayList<>(t.columns());
            columns.add(ColumnSchema.of(column, "date", true));
            return new TableSchema(t.schema(), t.name(), t.kind(), t.comment(), t.rowEstimate(), columns, t.primaryKey(),
                    t.uniqueKeys(), t.foreignKeys());
        }).toList();
        return new SchemaSnapshot(schema.v(), schema.datasource(), schema.version() + "-changed", schema.readAt(), tables);
    }
}
