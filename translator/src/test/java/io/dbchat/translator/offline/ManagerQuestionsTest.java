package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static io.dbchat.translator.offline.ManagerSchemas.COMPANY;
import static io.dbchat.translator.offline.ManagerSchemas.MARINA;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The causes of confidently wrong answers to a manager's questions, each on the demo's shape (COMPANY) and on a schema
 * in no evaluation set (MARINA): keys of several columns, a name typed for a row of a link table, a table chosen by a
 * word read as something else, a ranking or a part by a measure not understood, a state of owned rows, another table's
 * status against the rows' own due date, a table word the join reads, and the direction of time served.
 */
class ManagerQuestionsTest {

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @Test
    void aDenialOverAKeyOfSeveralColumnsPairsEachColumnWithItsOwn() {
        assertThat(sql("which projects have no invoices", COMPANY).sql()).contains(
                "NOT EXISTS (SELECT 1 FROM invoices x1 WHERE x1.project_id = p.id AND x1.client_id = p.client_id)");
        assertThat(sql("which boats have no mooring fees", MARINA).sql()).contains(
                "NOT EXISTS (SELECT 1 FROM mooring_fees x1 WHERE x1.boat_id = b.id AND x1.member_id = b.member_id)");
    }

    @Test
    void aDenialThroughATableBetweenJoinsByEveryColumnOfTheKey() {
        assertThat(sql("members without any mooring fees", MARINA).sql()).contains("NOT EXISTS (SELECT 1 FROM boats x1 "
                + "JOIN mooring_fees x2 ON x2.boat_id = x1.id AND x2.member_id = x1.member_id WHERE x1.member_id = m.id)");
    }

    @Test
    void aNameTypedForARowOfALinkTableIsTheNameOfTheRowItLinksTo() {
        Translation.Sql skills = sql("Which employees have the skill Kubernetes?", COMPANY);
        Translation.Sql licences = sql("Which members have the licence Skipper?", MARINA);

        assertThat(skills.sql()).contains("JOIN user_skills us ON us.user_id = u.id JOIN skills s ON us.skill_id = s.id")
                .endsWith("WHERE s.name = 'Kubernetes' LIMIT 1000");
        assertThat(licences.sql()).contains("JOIN licences l ON ml.licence_id = l.id").endsWith("WHERE l.name = 'Skipper' LIMIT 1000");
    }

    @Test
    void aWordIsNeverComparedWithANumberColumn() {
        assertThat(Sql.fits("Kubernetes", col(COMPANY, "user_skills", "user_id"))).isFalse();
        assertThat(Sql.fits("42", col(COMPANY, "user_skills", "user_id"))).isTrue();
        assertThat(Sql.fits("Skipper", col(MARINA, "member_licences", "grade"))).isFalse();
        assertThat(Sql.fits("2024-05-01", col(MARINA, "repairs", "due_on"))).isTrue();
        assertThat(Sql.fits("soon", col(MARINA, "repairs", "due_on"))).isFalse();
        assertThat(Sql.fits("Skipper", col(MARINA, "licences", "name"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COMPANY|revenue last quarter",
            "COMPANY|monthly revenue for the last 6 months",
            "MARINA|turnover last quarter",
            "MARINA|income for the last 3 months"})
    void aTableChosenOnlyByAWordReadAsSomethingElseIsNotAnswered(String schema, String question) {
        var refusal = (Translation.Refusal) translate(question, schema(schema));

        assertThat(refusal.problem().message()).startsWith("I could not tell which table your question is about");
    }

    @Test
    void aTableChosenByTheColumnsItReadsIsStillAnswered() {
        assertThat(sql("average salary by job title", COMPANY).sql())
                .isEqualTo("SELECT job_title AS job_title, avg(salary) AS avg_salary FROM users GROUP BY job_title ORDER BY 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COMPANY|who are our top 5 clients by revenue|revenue",
            "MARINA|top 3 members by loyalty|loyalty",
            "COMPANY|what percentage of open tasks have a due date|percentage",
            "COMPANY|Who manages the most people?|most",
            "MARINA|Which member sails the most?|most"})
    void asksBackForTheMeasureOfARankingOrAPartItDidNotRead(String schema, String question, String word) {
        var refusal = (Translation.Refusal) translate(question, schema(schema));

        assertThat(refusal.problem().message()).startsWith("I did not understand '" + word + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COMPANY|top 10 employees by billable hours in 2025",
            "COMPANY|bottom 10 employees by billable hours",
            "COMPANY|top 5 clients by invoice amount in 2025",
            "MARINA|top 3 members by boat length"})
    void aRankingByAColumnOfRowsThatBelongToTheRankedOnesIsNotAnOrderOfThoseRows(String schema, String question) {
        Translation translation = translate(question, schema(schema));

        assertThat(translation).isInstanceOf(Translation.Refusal.class);
        assertThat(((Translation.Refusal) translation).problem().message()).startsWith("I did not understand");
    }

    @Test
    void thePercentageOfRowsMeetingTheConditions() {
        Translation.Sql overdue = sql("What percentage of invoices are overdue?", COMPANY);
        Translation.Sql finished = sql("what share of repairs are finished", MARINA);

        assertThat(overdue.sql()).isEqualTo("SELECT 100.0 * count(*) FILTER (WHERE status = 'Overdue') / nullif(count(*), 0) "
                + "AS percentage FROM invoices");
        assertThat(overdue.understanding().ignored()).isEmpty();
        assertThat(finished.sql()).isEqualTo("SELECT 100.0 * count(*) FILTER (WHERE stage = 'Finished') / nullif(count(*), 0) "
                + "AS percentage FROM repairs");
    }

    @Test
    void notHavingDoneSomethingToTheirRowsIsAStateOfThoseRows() {
        Translation.Sql clients = sql("Which clients haven't paid their invoices yet?", COMPANY);
        Translation.Sql members = sql("Which members haven't settled their mooring fees yet?", MARINA);

        assertThat(clients.sql()).contains("WHERE EXISTS (SELECT 1 FROM invoices x1 WHERE x1.client_id = c.id AND x1.paid_on IS NULL)");
        assertThat(clients.understanding().ignored()).isEmpty();
        assertThat(clients.understanding().assumed()).containsExactly(
                "'haven't paid their invoices' read as clients with invoices where paid_on IS NULL");
        assertThat(members.sql()).contains("WHERE EXISTS (SELECT 1 FROM boats x1 JOIN mooring_fees x2 ON x2.boat_id = x1.id "
                + "AND x2.member_id = x1.member_id WHERE x1.member_id = m.id AND x2.settled_on IS NULL)");
    }

    @Test
    void neverHavingDoneSomethingToARowIsNoSuchRowInThatState() {
        Translation.Sql clients = sql("clients who have never paid an invoice", COMPANY);
        Translation.Sql employees = sql("employees who never completed a task", COMPANY);
        Translation.Sql members = sql("members who never settled a mooring fee", MARINA);

        assertThat(clients.sql()).endsWith("WHERE NOT EXISTS (SELECT 1 FROM invoices x1 WHERE x1.client_id = c.id "
                + "AND x1.status = 'Paid') LIMIT 1000");
        assertThat(employees.sql()).endsWith("WHERE NOT EXISTS (SELECT 1 FROM tasks x1 WHERE x1.assignee_id = u.id "
                + "AND x1.completed_on IS NOT NULL) LIMIT 1000");
        assertThat(members.sql()).endsWith("WHERE x1.member_id = m.id AND x2.state = 'Settled') LIMIT 1000");
    }

    @Test
    void overdueRowsWithTheirOwnDueDateAreReadByItNotByAnotherTablesStatus() {
        Translation.Sql tasks = sql("how many open tasks are overdue", COMPANY);
        Translation.Sql repairs = sql("how many waiting repairs are overdue", MARINA);

        assertThat(tasks.sql()).isEqualTo("SELECT count(*) AS count FROM tasks WHERE completed_on IS NULL "
                + "AND due_on < current_date AND status = 'Open'");
        assertThat(tasks.understanding().assumed()).containsExactly("'overdue' read as completed_on empty and due_on before today");
        assertThat(repairs.sql()).isEqualTo("SELECT count(*) AS count FROM repairs WHERE finished_on IS NULL "
                + "AND due_on < current_date AND stage = 'Waiting'");
    }

    @Test
    void aTableWordTheJoinReadsIsUnderstood() {
        Translation.Sql clients = sql("how many clients have overdue invoices", COMPANY);
        Translation.Sql members = sql("how many members have overdue mooring fees", MARINA);

        assertThat(clients.sql()).endsWith("WHERE i.status = 'Overdue'");
        assertThat(clients.understanding().ignored()).isEmpty();
        assertThat(members.understanding().ignored()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COMPANY|Who is the longest-serving employee?|ORDER BY hired_on LIMIT 1",
            "COMPANY|who is the most senior employee|ORDER BY hired_on LIMIT 1",
            "COMPANY|who is the newest employee|ORDER BY hired_on DESC LIMIT 1",
            "COMPANY|Who is the oldest employee?|ORDER BY birth_date LIMIT 1",
            "MARINA|who is the longest-serving member|ORDER BY joined_on LIMIT 1",
            "MARINA|which member has been with us the longest|ORDER BY joined_on LIMIT 1",
            "MARINA|Who is our most recent member?|ORDER BY joined_on DESC LIMIT 1"})
    void timeServedRanksTheEarliestStartFirst(String schema, String question, String order) {
        Translation.Sql t = sql(question, schema(schema));

        assertThat(t.sql()).endsWith(order);
        assertThat(t.understanding().ignored()).doesNotContain("serving", "senior");
    }

    @Test
    void aLengthOfTimeOnADateThatStartsNoServiceIsAskedAbout() {
        var refusal = (Translation.Refusal) translate("which project ran the longest", COMPANY);

        assertThat(refusal.problem().message()).contains("'longest'");
    }

    private static SchemaSnapshot schema(String name) {
        return name.equals("MARINA") ? MARINA : COMPANY;
    }

    private static Col col(SchemaSnapshot schema, String table, String column) {
        var t = schema.tables().stream().filter(x -> x.name().equals(table)).findFirst().orElseThrow();
        return Col.of(t, t.column(column).orElseThrow());
    }

    private Translation.Sql sql(String question, SchemaSnapshot schema) {
        Translation t = translate(question, schema);
        assertThat(t).as("%s", t).isInstanceOf(Translation.Sql.class);
        return (Translation.Sql) t;
    }

    private Translation translate(String question, SchemaSnapshot schema) {
        return translator.translate(TranslationRequest.first(ask(question), schema, List.of()));
    }
}
