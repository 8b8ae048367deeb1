package io.dbchat.translator.prompt;

import static io.dbchat.translator.Fixtures.PROJECTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.schema.SchemaFixtures;
import org.junit.jupiter.api.Test;

class RefusalHintTest {

    @Test
    void givesTheRealColumnsOfTheTablesTheSqlNamesInAnyCase() {
        String hint = RefusalHint.of(PROJECTS, "SELECT p.budgett FROM Projects p WHERE p.name = 'teams'");

        assertThat(hint).isEqualTo("The tables it names have exactly these columns:\n"
                + "- projects: id, team_id, name, budget, status, priority");
    }

    @Test
    void aQuotedNameMustMatchExactlyAndAStringNamesNothing() {
        assertThat(RefusalHint.of(PROJECTS, "SELECT x FROM \"Projects\" WHERE note = 'projects'"))
                .startsWith("The SQL names none of the tables there are. The tables are: teams, projects.");
        assertThat(RefusalHint.of(SchemaFixtures.projects(), "SELECT tag FROM work.\"task tags\""))
                .contains("- work.\"task tags\": ");
    }

    @Test
    void listsEveryTableNamedWhenAJoinNamesSeveral() {
        assertThat(RefusalHint.of(PROJECTS, "SELECT t.nme FROM teams t JOIN projects p ON p.team_id = t.id"))
                .contains("- teams: id, name").contains("- projects: id, team_id, name, budget, status, priority");
    }
}
