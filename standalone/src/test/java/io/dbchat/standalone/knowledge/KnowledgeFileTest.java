package io.dbchat.standalone.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeFileTest {

    private static final String FILE = """
            datasource: sales
            entries:
              - kind: example
                id: teams-count
                question: How many teams are there?
                sql: SELECT count(*) FROM teams
              - kind: term
                name: revenue
                synonyms: [turnover, income]
                expression: sum(invoices.amount) FILTER (WHERE invoices.status = 'Paid')
                expression_kind: measure
                table: invoices
              - kind: doc
                table: projects
                column: budget
                note: In thousands of euros
                author: someone
                revision: 3
            """;

    @Test
    void readsTheEntriesOfEachKindLeavingOutWhatTheServerRecords() {
        KnowledgeFile.Contents contents = KnowledgeFile.read(FILE);

        assertThat(contents.datasource()).isEqualTo("sales");
        assertThat(contents.entries()).containsExactly(
                Map.of("kind", "example", "id", "teams-count", "question", "How many teams are there?",
                        "sql", "SELECT count(*) FROM teams"),
                Map.of("kind", "term", "name", "revenue", "synonyms", List.of("turnover", "income"),
                        "expression", "sum(invoices.amount) FILTER (WHERE invoices.status = 'Paid')",
                        "expression_kind", "measure", "table", "invoices"),
                Map.of("kind", "doc", "table", "projects", "column", "budget", "note", "In thousands of euros"));
    }

    @Test
    void anExportReadsBackAsTheSameEntries() {
        Map<String, Object> exported = new LinkedHashMap<>(Map.of("id", "teams-count", "kind", "example",
                "status", "approved", "question", "How many teams: \"all\"?", "sql", "SELECT count(*)\nFROM teams",
                "synonyms", List.of(), "author", "alice", "at", "2026-12-07T10:00:00Z", "revision", 2));

        String yaml = KnowledgeFile.write("default", List.of(exported));

        assertThat(yaml).startsWith("datasource: default\nentries:\n  - id: teams-count\n    kind: example\n")
                .contains("author: alice").doesNotContain("synonyms");
        KnowledgeFile.Contents back = KnowledgeFile.read(yaml);
        assertThat(back.datasource()).isEqualTo("default");
        assertThat(back.entries()).containsExactly(Map.of("id", "teams-count", "kind", "example", "status", "approved",
                "question", "How many teams: \"all\"?", "sql", "SELECT count(*)\nFROM teams"));
    }

    @Test
    void namesWhatIsWrongWithABadFile() {
        assertThatThrownBy(() -> KnowledgeFile.read("entries: [ {kind: example")).hasMessageStartingWith("not valid YAML");
        assertThatThrownBy(() -> KnowledgeFile.read("- kind: example")).hasMessageContaining("'entries:'");
        assertThatThrownBy(() -> KnowledgeFile.read("entries:\n  - question: Why?\n"))
                .hasMessage("entry 1: 'kind' is missing (example, term or doc)");
        assertThatThrownBy(() -> KnowledgeFile.read("entries:\n  - kind: example\n  - kind: recipe\n"))
                .hasMessage("entry 2: unknown kind 'recipe' (example, term or doc)");
        assertThatThrownBy(() -> KnowledgeFile.read("entries:\n  - kind: example\n    qestion: Why?\n"))
                .hasMessage("entry 1: unknown field 'qestion'");
        assertThatThrownBy(() -> KnowledgeFile.read("entries:\n  - kind: example\n    sql: 42\n"))
                .hasMessage("entry 1: 'sql' must be text (quote it)");
        assertThatThrownBy(() -> KnowledgeFile.read("entries:\n  - kind: term\n    synonyms: income\n"))
                .hasMessage("entry 1: 'synonyms' must be a list of names");
    }

    @Test
    void helpPrintsTheUsageAndExitsZeroAndABadFileExitsTwoNamingIt(@TempDir Path dir) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(KnowledgeCommand.run(new String[] {"--help"}, Map.of(), print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: dbchat knowledge import FILE.yaml");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "entries:\n  - kind: recipe\n");
        assertThat(KnowledgeCommand.run(new String[] {"import", bad.toString()}, Map.of(), print(out), print(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad + ": entry 1: unknown kind 'recipe'");

        assertThat(KnowledgeCommand.run(new String[] {"export", "--status", "maybe"}, Map.of(), print(out), print(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--status is one of proposed, approved, not 'maybe'");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
