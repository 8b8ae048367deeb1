package io.dbchat.translator.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.schema.SchemaFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinGraphTest {

    private final JoinGraph graph = JoinGraph.of(SchemaFixtures.projects());

    @Test
    void joinsAChildToItsParentOnTheForeignKey() {
        var path = graph.path("tasks", "projects", 3).orElseThrow();

        assertThat(path.hops()).containsExactly(
                new JoinPath.Hop("tasks", "projects", "tasks.project_id = projects.id"));
    }

    @Test
    void walksForeignKeysBackwardsAndAcrossSeveralHops() {
        var path = graph.path("teams", "tasks", 3).orElseThrow();

        assertThat(path.tables()).containsExactly("teams", "projects", "tasks");
        assertThat(path.toSql()).isEqualTo(
                "teams JOIN projects ON teams.id = projects.team_id JOIN tasks ON projects.id = tasks.project_id");
    }

    @Test
    void joinsACompositeKeyWithAndAndQuotesOddIdentifiers() {
        var path = graph.path("work.task tags", "tasks", 1).orElseThrow();

        assertThat(path.hops().getFirst().condition()).isEqualTo(
                "work.\"task tags\".project_id = tasks.project_id AND work.\"task tags\".seq = tasks.seq");
    }

    @Test
    void findsNoPathBeyondTheDepthLimitOrToAnUnconnectedTable() {
        assertThat(graph.path("teams", "work.task tags", 2)).isEmpty();
        assertThat(graph.path("teams", "work.task tags", 3)).isPresent();
        assertThat(graph.path("teams", "audit", 5)).isEmpty();
        assertThat(graph.path("teams", "nowhere", 5)).isEmpty();
    }

    @Test
    void aTableReachesItselfWithNoHops() {
        assertThat(graph.path("Teams", "teams", 0).orElseThrow().hops()).isEmpty();
    }

    @Test
    void listsNeighboursInBothDirections() {
        assertThat(graph.neighbours("projects")).containsExactly("tasks", "teams");
        assertThat(graph.neighbours("tasks")).containsExactlyElementsOf(List.of("projects", "work.\"task tags\""));
        assertThat(graph.neighbours("audit")).isEmpty();
    }
}
