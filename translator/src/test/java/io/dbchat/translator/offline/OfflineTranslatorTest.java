package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.SCHEMA;
import static io.dbchat.translator.Fixtures.ask;
import static io.dbchat.translator.offline.Schemas.CONSULTANCY;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.context.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OfflineTranslatorTest {

    final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "How many users are there?|SELECT count(*) AS count FROM users",
            "how many projects are there|SELECT count(*) AS count FROM projects",
            "Count the time entries|SELECT count(*) AS count FROM time_entries",
            "What is the number of timeEntries?|SELECT count(*) AS count FROM time_entries",
            "How many order lines are there?|SELECT count(*) AS count FROM \"Order Lines\""})
    void countsAnyPublishedTable(String question, String expected) {
        assertThat(sqlOf(question, SCHEMA)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "List all users|SELECT id, team_id, first_name, last_name, email, hired_on, birth_date, salary FROM users LIMIT 1000",
            "names and ages of all employees|SELECT first_name, last_name, date_part('year', age(birth_date))::int AS age FROM users LIMIT 1000",
            "Which projects are on hold?|SELECT id, client_id, team_id, name, status, budget, start_date FROM projects WHERE status = 'On Hold' LIMIT 1000",
            "How many tasks are High or Medium priority?|SELECT count(*) AS count FROM tasks WHERE priority IN ('High', 'Medium')",
            "How many projects have a budget of more than 5000?|SELECT count(*) AS count FROM projects WHERE budget > 5000",
            "How many employees were hired before 2024?|SELECT count(*) AS count FROM users WHERE hired_on < DATE '2024-01-01'",
            "How many projects started between 2019 and 2021?|SELECT count(*) AS count FROM projects WHERE start_date >= DATE '2019-01-01' AND start_date < DATE '2022-01-01'",
            "How many employees were hired in the last 7 days?|SELECT count(*) AS count FROM users WHERE hired_on >= current_date - interval '7 days' AND hired_on <= current_date",
            "How many employees were hired in the last 48 hours?|SELECT count(*) AS count FROM users WHERE hired_on >= now() - interval '48 hours'",
            "How many employees were hired in 2024?|SELECT count(*) AS count FROM users WHERE hired_on >= DATE '2024-01-01' AND hired_on < DATE '2025-01-01'",
            "How many employees were hired last month?|SELECT count(*) AS count FROM users WHERE hired_on >= date_trunc('month', current_date) - interval '1 month' AND hired_on < date_trunc('month', current_date)",
            "What is the average salary of employees?|SELECT avg(salary) AS avg_salary FROM users",
            "How many projects for each status?|SELECT status AS status, count(*) AS count FROM projects GROUP BY status ORDER BY 1",
            "Total budget of projects per team|SELECT t.name AS team, coalesce(sum(p.budget), 0) AS sum_budget FROM teams t LEFT JOIN projects p ON p.team_id = t.id GROUP BY t.id, t.name ORDER BY 1",
            "Top 5 projects by budget|SELECT name, budget FROM projects ORDER BY budget DESC NULLS LAST LIMIT 5",
            "Who is the oldest employee?|SELECT first_name, last_name, birth_date FROM users ORDER BY birth_date LIMIT 1",
            "What are the distinct locations of teams?|SELECT DISTINCT location FROM teams LIMIT 1000",
            "titles of the tasks of project Apollo|SELECT t.title FROM tasks t JOIN projects p ON t.project_id = p.id WHERE p.name = 'Apollo' LIMIT 1000",
            "How many tasks without an assignee?|SELECT count(*) AS count FROM tasks WHERE assignee_id IS NULL",
            "How many non-billable tasks are there?|SELECT count(*) AS count FROM tasks WHERE NOT billable",
            "How many staff members are in the Mobile team?|SELECT count(*) AS count FROM users u JOIN teams t ON u.team_id = t.id WHERE t.name = 'Mobile'"})
    void composesEachConstruct(String question, String expected) {
        assertThat(sqlOf(question, CONSULTANCY)).isEqualTo(expected);
    }

    @Test
    void refinesThePreviousQuestionInAFollowUp() {
        assertThat(followUp("How many tasks are there?", "only the High ones"))
                .isEqualTo("SELECT count(*) AS count FROM tasks WHERE priority = 'High'");
        assertThat(followUp("What is the average salary of employees?", "and per team?"))
                .isEqualTo("SELECT t.name AS team, avg(u.salary) AS avg_salary FROM users u "
                        + "JOIN teams t ON u.team_id = t.id GROUP BY t.name ORDER BY 1");
        assertThat(followUp("How many projects are on hold?", "what about completed ones?"))
                .isEqualTo("SELECT count(*) AS count FROM projects WHERE status = 'Completed'");
    }

    @Test
    void takesANewQuestionInAConversationAsNew() {
        assertThat(followUp("How many tasks are there?", "How many clients are there?"))
                .isEqualTo("SELECT count(*) AS count FROM clients");
    }

    @Test
    void neverShowsSensitiveColumns() {
        assertThat(sqlOf("List all employees", CONSULTANCY)).doesNotContain("password_hash").contains("email");
    }

    @Test
    void refusesAQuestionAboutNoKnownTableAndSaysWhatItKnows() {
        var refusal = refusalOf("How many unicorns are there?", SCHEMA);

        assertThat(refusal.problem().code()).isEqualTo("untranslatable");
        assertThat(refusal.problem().message()).contains("users", "projects", "time_entries");
    }

    @Test
    void refusesBelowTheConfidenceThresholdAndSaysWhatItUnderstood() {
        var refusal = refusalOf("Are users sad about the weather forecast?", SCHEMA);

        assertThat(refusal.problem().code()).isEqualTo("untranslatable");
        assertThat(refusal.problem().message()).contains("the table users", "sad", "weather", "full_name, email",
                "How many users are there?");
    }

    @Test
    void hasAConfigurableThreshold() {
        var lenient = new OfflineTranslator(new OfflineSettings(0.0, 10, false));

        var sql = lenient.translate(TranslationRequest.first(ask("Are users sad about the weather?"), SCHEMA, List.of()));

        assertThat(((Translation.Sql) sql).sql()).isEqualTo("SELECT id, full_name, email FROM users LIMIT 10");
    }

    @Test
    void saysSoWhenTheDatabaseHasNoTables() {
        var empty = new SchemaSnapshot(1, "empty", "v0", Instant.EPOCH, List.of());

        var refusal = refusalOf("How many users are there?", empty);

        assertThat(refusal.problem().code()).isEqualTo("no_schema");
        assertThat(refusal.problem().message()).contains("nothing to ask about");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DROP TABLE users|drop",
            "Please delete all invoices|delete",
            "Can you update the budget of project Apollo to 5000?|update",
            "  Truncate the tasks table|truncate",
            "INSERT INTO teams (name) VALUES ('x')|insert"})
    void saysItOnlyReadsWhenAskedToChangeData(String question, String verb) {
        var refusal = refusalOf(question, CONSULTANCY);

        assertThat(refusal.problem().code()).isEqualTo("untranslatable");
        assertThat(refusal.problem().message()).startsWith("dbchat only reads your data, so it cannot " + verb + " anything.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "How many projects were deleted?",
            "Which users changed teams?",
            "Add up the budget of all projects",
            "Settings of the teams"})
    void questionsThatMentionChangesAreStillQuestions(String question) {
        assertThat(ChangeRequests.verb(question)).isEmpty();
    }

    private String followUp(String first, String second) {
        List<Turn> history = new ArrayList<>();
        history.add(new Turn("q1", first, sqlOf(first, CONSULTANCY), "an answer"));
        var t = translator.translate(TranslationRequest.first(ask(second), CONSULTANCY, history));
        return ((Translation.Sql) t).sql();
    }

    private Translation.Refusal refusalOf(String question, SchemaSnapshot schema) {
        return (Translation.Refusal) translator.translate(TranslationRequest.first(ask(question), schema, List.of()));
    }

    private String sqlOf(String question, SchemaSnapshot schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), schema, List.of()));
        assertThat(t).as(question + " → " + t).isInstanceOf(Translation.Sql.class);
        return ((Translation.Sql) t).sql();
    }
}
