package io.dbchat.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTextTest {

    @Test
    void rendersTablesAsDdlWithValuesCommentsAndKeys() {
        String text = SchemaText.render(SchemaFixtures.projects(), List.of("projects", "tasks"));

        assertThat(text).isEqualTo("""
                CREATE TABLE projects ( -- ~120 rows; Work that teams do
                  id integer NOT NULL,
                  team_id integer NOT NULL,
                  status project_status NOT NULL DEFAULT 'Active'::project_status, -- enum: 'Active', 'On Hold', 'It''s done'
                  PRIMARY KEY (id),
                  FOREIGN KEY (team_id) REFERENCES teams (id)
                );

                CREATE TABLE tasks (
                  project_id integer NOT NULL,
                  seq integer NOT NULL,
                  "Title" text, -- What to do in short
                  PRIMARY KEY (project_id, seq),
                  UNIQUE ("Title"),
                  FOREIGN KEY (project_id) REFERENCES projects (id)
                );
                """);
    }

    @Test
    void rendersTheChosenSubsetInSnapshotOrderWhateverTheOrderAsked() {
        String text = SchemaText.render(SchemaFixtures.projects(), List.of("work.task tags", "TEAMS", "missing"));

        assertThat(text).startsWith("CREATE TABLE teams (")
                .contains("CREATE TABLE work.\"task tags\" (")
                .contains("FOREIGN KEY (project_id, seq) REFERENCES tasks (project_id, seq)")
                .doesNotContain("projects (");
    }

    @Test
    void rendersEveryTableOfTheSnapshot() {
        String text = SchemaText.render(SchemaFixtures.projects());

        assertThat(text).contains("CREATE TABLE teams", "CREATE TABLE projects", "CREATE TABLE tasks",
                "CREATE TABLE work.\"task tags\"", "CREATE TABLE audit");
    }

    @Test
    void measuresCharactersAsCodePointsAndTokensAsAQuarterOfThem() {
        assertThat(SchemaText.chars("Größe😀")).isEqualTo(6);
        assertThat(SchemaText.approxTokens("12345678")).isEqualTo(2);
        assertThat(SchemaText.approxTokens("123456789")).isEqualTo(3);
        assertThat(SchemaText.approxTokens("")).isZero();
    }
}
