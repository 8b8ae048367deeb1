package io.dbchat.gateway.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlExplainerTest {

    @Test
    void readsTablesJoinsFiltersGroupingOrderingAndLimit() {
        SqlReading reading = SqlExplainer.explain("""
                SELECT t.name, count(*) AS projects FROM projects p JOIN teams t ON t.id = p.team_id
                WHERE p.status = 'On Hold' AND p.started_at >= DATE '2026-01-01'
                GROUP BY t.name HAVING count(*) > 2 ORDER BY projects DESC, t.name LIMIT 10""");

        assertThat(reading.tables()).containsExactly("projects", "teams");
        assertThat(reading.filters()).containsExactly("p.status = 'On Hold'", "p.started_at >= DATE '2026-01-01'");
        assertThat(reading.grouping()).containsExactly("t.name");
        assertThat(reading.ordering()).containsExactly("projects (highest first)", "t.name (lowest first)");
        assertThat(reading.limit()).isEqualTo(10);
        assertThat(reading.summary()).isEqualTo("It reads the table projects, joined with the table teams (matching t.id = p.team_id). "
                + "It keeps the rows where p.status = 'On Hold' and p.started_at >= DATE '2026-01-01'. "
                + "It groups them by t.name. It keeps the groups where count(*) > 2. "
                + "It computes the number of rows as projects. "
                + "It orders the result by projects (highest first), then t.name (lowest first). It returns at most 10 rows.");
    }

    @Test
    void readsALeftJoinDistinctAggregatesANamedSubqueryAndFetchFirst() {
        SqlReading reading = SqlExplainer.explain("""
                WITH late AS (SELECT * FROM tasks WHERE due < now())
                SELECT DISTINCT u.name, avg(l.hours) FROM users u LEFT JOIN late l ON l.user_id = u.id
                FETCH FIRST 1 ROWS ONLY""");

        assertThat(reading.summary()).startsWith("First it computes 'late' as a named subquery. It reads the table users, "
                + "keeping all of them, with the matching rows of the table late (matching l.user_id = u.id).")
                .contains("It computes the average of l.hours.").contains("It drops duplicate rows.")
                .endsWith("It returns only the first row.");
        assertThat(reading.filters()).isEmpty();
    }

    @Test
    void readsASetOperation() {
        assertThat(SqlExplainer.explain("SELECT name FROM teams UNION SELECT name FROM clients ORDER BY 1 LIMIT 5").summary())
                .isEqualTo("It combines 2 queries with [UNION]. It orders the result by 1 (lowest first). It returns at most 5 rows.");
    }

    @Test
    void refusesWhatIsNotOneQueryWithASentence() {
        for (String sql : List.of("DELETE FROM users", "SELEC name FROM", "SELECT 1; SELECT 2")) {
            assertThatThrownBy(() -> SqlExplainer.explain(sql)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("Exception").hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> SqlExplainer.explain("DELETE FROM users")).hasMessage(
                "Only a query (SELECT) can be explained; this is a DELETE statement.");
    }
}
