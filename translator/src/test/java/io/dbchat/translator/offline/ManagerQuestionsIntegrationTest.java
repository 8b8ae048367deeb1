package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A manager's questions to the embedded demo, on real PostgreSQL with the catalog the publisher would publish (its
 * comments and sampled values included): each is answered right or asked back, and every SQL written runs.
 */
class ManagerQuestionsIntegrationTest {

    private static DataSource db;
    private static SchemaSnapshot schema;
    private static final OfflineTranslator TRANSLATOR = new OfflineTranslator(OfflineSettings.lexical());

    @BeforeAll
    static void loadTheDemoDatabase() {
        db = TestDatabase.database("demo", TestDatabase.DEMO_SCHEMA, TestDatabase.DEMO_DATA);
        schema = CatalogSnapshot.read(db, "demo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"which projects have no invoices", "Which employees have the skill Kubernetes?",
            "Which clients haven't paid their invoices yet?", "how many open tasks are overdue",
            "how many clients have overdue invoices", "Who is the longest-serving employee?",
            "What percentage of invoices are overdue?", "List clients without any projects"})
    void everySqlWrittenRuns(String question) {
        String sql = sql(question).sql();

        assertThatCode(() -> rows(sql)).as(sql).doesNotThrowAnyException();
    }

    @Test
    void projectsWithoutInvoicesAreTiedByBothColumnsOfTheKey() throws SQLException {
        assertThat(rows(sql("which projects have no invoices").sql()))
                .isEqualTo(rows("SELECT p.id FROM projects p WHERE NOT EXISTS (SELECT 1 FROM invoices i "
                        + "WHERE i.project_id = p.id AND i.client_id = p.client_id)"));
    }

    @Test
    void theSkillIsReadOnTheSkillsName() throws SQLException {
        assertThat(rows(sql("Which employees have the skill Kubernetes?").sql())).isEqualTo(rows("SELECT u.id FROM users u "
                + "JOIN user_skills us ON us.user_id = u.id JOIN skills s ON s.id = us.skill_id WHERE s.name = 'Kubernetes'"));
    }

    @Test
    void thePercentageOfOverdueInvoices() throws SQLException {
        String sql = sql("What percentage of invoices are overdue?").sql();

        assertThat(value(sql)).isEqualByComparingTo(value(
                "SELECT 100.0 * count(*) FILTER (WHERE status = 'Overdue') / count(*) FROM invoices"));
    }

    @Test
    void theLongestServingEmployeeWasHiredFirst() throws SQLException {
        String sql = sql("Who is the longest-serving employee?").sql();

        assertThat(sql).contains("ORDER BY hired_on LIMIT 1");
    }

    @Test
    void overdueTasksAreReadByTheirOwnDueDate() {
        assertThat(sql("how many open tasks are overdue").sql()).doesNotContain("invoices").contains("due_on < current_date");
    }

    @Test
    void aTableWordTheJoinReadsIsNoCaveat() {
        assertThat(sql("how many clients have overdue invoices").understanding().ignored()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"revenue last quarter", "monthly revenue for the last 6 months",
            "who are our top 5 clients by revenue", "Who manages the most people?"})
    void asksBackWhatItCannotRead(String question) {
        assertThat(TRANSLATOR.translate(TranslationRequest.first(ask(question), schema, List.of())))
                .isInstanceOf(Translation.Refusal.class);
    }

    private static Translation.Sql sql(String question) {
        Translation t = TRANSLATOR.translate(TranslationRequest.first(ask(question), schema, List.of()));
        assertThat(t).as("%s", t).isInstanceOf(Translation.Sql.class);
        return (Translation.Sql) t;
    }

    /** The first column of every row, sorted. */
    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out.stream().sorted().toList();
    }

    private static BigDecimal value(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
