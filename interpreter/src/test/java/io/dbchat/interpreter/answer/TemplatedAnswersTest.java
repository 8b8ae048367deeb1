package io.dbchat.interpreter.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Understanding;
import io.dbchat.contracts.events.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TemplatedAnswersTest {

    static final QuestionAsked Q = QuestionAsked.of("q", "c", "p", "demo", "?", Instant.EPOCH);

    @Test
    void countsAreSentencesWithThousandsSeparators() {
        assertThat(answer("SELECT count(*) AS count FROM users", List.of(col("count", "int8")), row(1234L)))
                .isEqualTo("There are 1,234 users.");
    }

    @Test
    void aCountSaysWhatItCounted() {
        assertThat(answer("SELECT count(*) AS count FROM projects WHERE status = 'On Hold'", List.of(col("count", "int8")),
                row(13L))).isEqualTo("13 projects are On Hold.");
        assertThat(answer("SELECT count(*) AS count FROM projects WHERE status = 'On Hold'", List.of(col("count", "int8")),
                row(1L))).isEqualTo("1 project is On Hold.");
        assertThat(answer("SELECT count(*) FROM users u WHERE u.country = 'DE' AND role = 'Dev'",
                List.of(col("count", "int8")), row(4L))).isEqualTo("There are 4 users with country DE and role Dev.");
        assertThat(answer("SELECT count(*) FROM users WHERE salary > 100000", List.of(col("count", "int8")), row(4L)))
                .isEqualTo("There are 4 users.");
    }

    @Test
    void aCountOfOneIsSingular() {
        assertThat(answer("SELECT count(*) AS count FROM time_entries", List.of(col("count", "int8")), row(1L)))
                .isEqualTo("There is 1 time entry.");
    }

    @Test
    void aSingleValueKeepsItsDecimalScale() {
        assertThat(answer("SELECT avg(hours) AS average_hours FROM time_entries",
                List.of(col("average_hours", "numeric")), row(new BigDecimal("1234.50"))))
                .isEqualTo("The average hours is 1,234.50.");
    }

    @Test
    void aLongComputedDecimalIsShownAtTwoPlaces() {
        assertThat(answer("SELECT avg(hours) AS avg_hours FROM time_entries",
                List.of(col("avg_hours", "numeric")), row(new BigDecimal("7.3333333333333333"))))
                .isEqualTo("The avg hours is 7.33.");
    }

    @Test
    void anAmountOfMoneyIsShownInDollars() {
        assertThat(answer("SELECT sum(budget) AS total_budget FROM projects", List.of(col("total_budget", "numeric")),
                row(new BigDecimal("1234567.5"))))
                .isEqualTo("The total budget is $1,234,567.50.");
    }

    @Test
    void aDateIsReadable() {
        assertThat(answer("SELECT max(due_on) AS latest_due_date FROM tasks", List.of(col("latest_due_date", "date")),
                row("2024-03-12")))
                .isEqualTo("The latest due date is 12 March 2024.");
    }

    @Test
    void anEmptyResultSaysWhatWasLookedFor() {
        assertThat(answer("SELECT id FROM projects WHERE status = 'On Hold'", List.of(col("id", "int4"))))
                .isEqualTo("No projects are On Hold.");
        assertThat(answer("SELECT id FROM users u WHERE u.email = 'ada@example.com'", List.of(col("id", "int4"))))
                .isEqualTo("No users have email ada@example.com.");
    }

    @Test
    void anEmptyResultNamesTheJoinedTableOfItsCondition() {
        assertThat(answer("SELECT u.id FROM users u JOIN teams t ON u.team_id = t.id WHERE t.name = 'Data' LIMIT 1000",
                List.of(col("id", "int4"))))
                .isEqualTo("No users have team name Data.");
        assertThat(answer("SELECT count(*) AS count FROM rentals r JOIN branch_offices AS b ON r.branch_id = b.id "
                + "WHERE b.status = 'closed'", List.of(col("count", "int8")), row(2L)))
                .isEqualTo("There are 2 rentals with branch office status closed.");
    }

    @Test
    void anEmptyResultNamesEveryEqualityItLookedFor() {
        assertThat(answer("SELECT id FROM tasks t WHERE t.status = 'Open' AND priority = 'High' ORDER BY id LIMIT 50",
                List.of(col("id", "int4"))))
                .isEqualTo("No tasks have status Open and priority High.");
    }

    @Test
    void anEmptyResultWithoutAFilterOrWithOtherConditionsSaysNothingMatched() {
        assertThat(answer("SELECT id FROM projects", List.of(col("id", "int4"))))
                .isEqualTo("No projects matched your question.");
        assertThat(answer("SELECT id FROM projects WHERE status = 'Open' OR budget > 10", List.of(col("id", "int4"))))
                .isEqualTo("No projects matched your question.");
        assertThat(answer("SELECT id FROM projects WHERE status = 'Open' AND budget > 10", List.of(col("id", "int4"))))
                .isEqualTo("No projects matched your question.");
    }

    @Test
    void aSingleRowIsDescribedFieldByField() {
        assertThat(answer("SELECT full_name, email, hired_at, salary FROM users LIMIT 1",
                List.of(col("full_name", "text"), col("email", "text"), col("hired_at", "timestamptz"),
                        col("salary", "numeric")),
                row("Ada Lovelace", null, "2024-03-12T14:05:00Z", new BigDecimal("5200"))))
                .isEqualTo("I found one user: full name Ada Lovelace, email (empty), hired at 12 March 2024, 14:05, "
                        + "salary $5,200.00.");
    }

    @Test
    void aSingleRowOfFiguresSaysEachFigure() {
        assertThat(answer("SELECT min(budget) AS min_budget, max(budget) AS max_budget, avg(hours) AS avg_hours FROM projects",
                List.of(col("min_budget", "numeric"), col("max_budget", "numeric"), col("avg_hours", "numeric")),
                row(new BigDecimal("10.00"), new BigDecimal("2500.00"), new BigDecimal("12.3456789"))))
                .isEqualTo("The min budget is $10.00, the max budget is $2,500.00 and the avg hours is 12.35.");
    }

    @Test
    void aShortListNamesEveryRowByItsLabel() {
        assertThat(answer("SELECT id, name FROM teams", List.of(col("id", "int4"), col("name", "text")),
                row(1, "Platform"), row(2, "Data"), row(3, "Web")))
                .isEqualTo("Here are 3 teams: Platform, Data and Web.");
    }

    @Test
    void aTableNamedInTheSingularIsCountedInThePlural() {
        assertThat(answer("SELECT count(*) AS count FROM sales.\"Customer\"", List.of(col("count", "int8")), row(500L)))
                .isEqualTo("There are 500 customers.");
        assertThat(answer("SELECT count(*) FROM order_line", List.of(col("count", "int8")), row(3L)))
                .isEqualTo("There are 3 order lines.");
        assertThat(answer("SELECT count(*) FROM category", List.of(col("count", "int8")), row(1L)))
                .isEqualTo("There is 1 category.");
        assertThat(Subject.pluralOf("category")).isEqualTo("categories");
        assertThat(Subject.pluralOf("box")).isEqualTo("boxes");
        assertThat(Subject.pluralOf("address")).isEqualTo("addresses");
        assertThat(Subject.pluralOf("status")).isEqualTo("statuses");
        assertThat(Subject.pluralOf("staff")).isEqualTo("staff");
        assertThat(Subject.pluralOf("orders")).isEqualTo("orders");
    }

    @Test
    void aListIsNamedByAColumnWhoseValuesDiffer() {
        assertThat(answer("SELECT id, status, name FROM projects WHERE status = 'On Hold'",
                List.of(col("id", "int4"), col("status", "text"), col("name", "text")),
                row(1, "On Hold", "Apollo"), row(2, "On Hold", "Gemini"), row(3, "On Hold", "Mercury")))
                .isEqualTo("Here are 3 projects: Apollo, Gemini and Mercury.");
    }

    @Test
    void labelsWithCommasAreKeptApartWithSemicolons() {
        assertThat(answer("SELECT id, name FROM clients", List.of(col("id", "int4"), col("name", "text")),
                row(1, "Smith, Jones & Co"), row(2, "Acme"), row(3, "Initech, Inc")))
                .isEqualTo("Here are 3 clients: Smith, Jones & Co; Acme and Initech, Inc.");
    }

    @Test
    void aLongListNamesTheFirstFewAndCountsTheRest() {
        List<List<Object>> rows = IntStream.rangeClosed(1, 42).mapToObj(i -> row(i, "user" + i)).toList();

        assertThat(answer("SELECT id, full_name FROM users", List.of(col("id", "int4"), col("full_name", "text")),
                rows.toArray(List[]::new)))
                .isEqualTo("Here are 42 users: user1, user2, user3, user4, user5 and 37 more.");
    }

    @Test
    void groupedCountsAreRankedLargestFirst() {
        assertThat(answer("SELECT status, count(*) AS count FROM tasks GROUP BY status",
                List.of(col("status", "text"), col("count", "int8")),
                row("In Progress", 120L), row("Open", 412L), row("Done", 37L)))
                .isEqualTo("Most tasks are Open (412), then In Progress (120) and Done (37).");
    }

    @Test
    void theOneGroupAFilterLeftIsSaidAsACountOrAFigure() {
        assertThat(answer("SELECT state, count(*) AS count FROM orders WHERE state = 'Paid' GROUP BY state",
                List.of(col("state", "text"), col("count", "int8")), row("Paid", 1250L)))
                .isEqualTo("There are 1,250 orders with state Paid.");
        assertThat(answer("SELECT status, sum(budget) AS sum_budget FROM projects WHERE status = 'Active' GROUP BY status",
                List.of(col("status", "text"), col("sum_budget", "numeric")), row("Active", new BigDecimal("1500.00"))))
                .isEqualTo("The sum budget for status Active is $1,500.00.");
    }

    @Test
    void theFirstOfARankingIsSaidAsARankingNotAsAGroupAFilterLeft() {
        assertThat(answer("SELECT c.name, count(*) AS count FROM clients c JOIN projects p ON p.client_id = c.id "
                        + "GROUP BY c.id, c.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
                List.of(col("name", "text"), col("count", "int8")), row("Acme Bank", 5L)))
                .isEqualTo("By name, the highest count is Acme Bank (5).");
    }

    @Test
    void aCountOverJoinedTablesIsNotSaidAsACountOfTheFirstTable() {
        assertThat(answer("SELECT c.name, count(*) AS count FROM clients c JOIN projects p ON p.client_id = c.id "
                        + "GROUP BY c.name",
                List.of(col("name", "text"), col("count", "int8")), row("Acme Bank", 5L), row("Globex", 3L)))
                .isEqualTo("By name, the highest count is Acme Bank (5), then Globex (3).");
        assertThat(answer("SELECT c.name, count(*) AS count FROM clients c JOIN projects p ON p.client_id = c.id "
                        + "WHERE c.name = 'Acme Bank' GROUP BY c.name",
                List.of(col("name", "text"), col("count", "int8")), row("Acme Bank", 5L)))
                .isEqualTo("The count for name Acme Bank is 5.");
    }

    @Test
    void groupsOfEqualSizeAreNotRanked() {
        assertThat(answer("SELECT status, count(*) AS count FROM projects GROUP BY status",
                List.of(col("status", "text"), col("count", "int8")),
                row("Done", 10L), row("In Progress", 10L), row("On Hold", 10L)))
                .isEqualTo("Projects are spread evenly by status: Done (10), In Progress (10) and On Hold (10).");
        assertThat(answer("SELECT t.name AS team, sum(p.budget) AS total_budget FROM projects p JOIN teams t ON ...",
                List.of(col("team", "text"), col("total_budget", "numeric")),
                row("Data", new BigDecimal("800.00")), row("Platform", new BigDecimal("800"))))
                .isEqualTo("By team, the total budget is the same for each: Data ($800.00) and Platform ($800.00).");
    }

    @Test
    void manyGroupsNameTheLargestAndCountTheRest() {
        assertThat(answer("SELECT status, count(*) AS task_count FROM tasks GROUP BY status",
                List.of(col("status", "text"), col("task_count", "int8")),
                row("A", 6L), row("B", 5L), row("C", 4L), row("D", 3L), row("E", 2L), row("F", 1L)))
                .isEqualTo("Most tasks are A (6), then B (5), C (4), D (3) and 2 more.");
    }

    @Test
    void groupedSumsNameTheirMeasureWithItsUnit() {
        assertThat(answer("SELECT t.name AS team, sum(p.budget) AS total_budget FROM projects p JOIN teams t ON ...",
                List.of(col("team", "text"), col("total_budget", "numeric")),
                row("Data", new BigDecimal("800.00")), row("Platform", new BigDecimal("1200.50"))))
                .isEqualTo("By team, the highest total budget is Platform ($1,200.50), then Data ($800.00).");
    }

    @Test
    void severalFiguresPerGroupAreSaidGroupByGroupNotAsAListOfTheFirstTable() {
        assertThat(answer("SELECT t.name AS team, avg(u.salary) AS avg_salary, max(u.salary) AS max_salary FROM users u"
                        + " JOIN teams t ON u.team_id = t.id GROUP BY t.name ORDER BY 1",
                List.of(col("team", "text"), col("avg_salary", "numeric"), col("max_salary", "numeric")),
                row("Data", new BigDecimal("80000.50"), new BigDecimal("120000.00")),
                row("Platform", new BigDecimal("90000.00"), new BigDecimal("150000.00"))))
                .isEqualTo("By team: Data (avg salary $80,000.50, max salary $120,000.00) and Platform (avg salary"
                        + " $90,000.00, max salary $150,000.00).");
    }

    @Test
    void manyGroupsWithSeveralFiguresNameTheFirstFewAndCountTheRest() {
        List<Object>[] rows = IntStream.range(0, 6).mapToObj(i -> row("c" + i, (long) i, (long) i * 2))
                .toArray(List[]::new);
        assertThat(answer("SELECT country, count(*) AS clients, sum(n) AS projects FROM clients GROUP BY country",
                List.of(col("country", "text"), col("clients", "int8"), col("projects", "int8")), rows))
                .isEqualTo("By country: c0 (clients 0, projects 0); c1 (clients 1, projects 2); c2 (clients 2, projects"
                        + " 4); c3 (clients 3, projects 6) and 2 more.");
    }

    @Test
    void groupsOverTimeKeepTheirOrder() {
        assertThat(answer("SELECT day, count(*) AS count FROM tasks GROUP BY day ORDER BY day",
                List.of(col("day", "date"), col("count", "int8")),
                row("2024-03-01", 3L), row("2024-03-02", 9L), row("2024-03-03", 1L)))
                .isEqualTo("Count by day: 1 March 2024 (3), 2 March 2024 (9) and 3 March 2024 (1).");
    }

    @Test
    void groupsByYearKeepTheirOrderAndReadAsYears() {
        assertThat(answer("SELECT extract(year FROM created_at) AS year, count(*) AS count FROM users GROUP BY 1",
                List.of(col("year", "numeric"), col("count", "int8")),
                row(new BigDecimal("2023"), 40L), row(new BigDecimal("2024"), 1200L)))
                .isEqualTo("Count by year: 2023 (40) and 2024 (1,200).");
    }

    @Test
    void aTruncatedListSaysThereAreMore() {
        var p = SqlProposed.of(Q, "SELECT id, name FROM \"Order Lines\"", 1, TranslatorInfo.offline("v"), Usage.NONE, 0, "v");
        var r = QueryAnswered.of(p, List.of(col("id", "int4"), col("name", "text")), List.of(row(1, "a"), row(2, "b")),
                true, 1);

        assertThat(TemplatedAnswers.answer(r))
                .isEqualTo("Here are 2 order lines: a and b. There are more; only the first 2 are shown.");
    }

    @Test
    void aRejectionIsAnsweredWithItsReason() {
        var r = QueryRejected.of(Q, null, null, ErrorCode.UNTRANSLATABLE.problem("I could not tell which table."));

        assertThat(TemplatedAnswers.answer(r)).isEqualTo("I could not tell which table.");
    }

    @Test
    void aRefusedTableIsSaidFromTheAskersSide() {
        var r = QueryRejected.of(Q, "SELECT * FROM salaries", null,
                new Problem("sql.table_not_allowed", "The table 'salaries' is not available."));

        assertThat(TemplatedAnswers.answer(r)).isEqualTo("I can't use the table 'salaries'.");
    }

    @Test
    void aTimeoutKeepsTheExecutorsSentenceOrSaysItTookTooLong() {
        var timedOut = QueryRejected.of(Q, "SELECT 1", null,
                ErrorCode.QUERY_TIMEOUT.problem("The query took longer than 5 s and was stopped."));
        var silent = QueryRejected.of(Q, "SELECT 1", null, ErrorCode.QUERY_TIMEOUT.problem(""));

        assertThat(TemplatedAnswers.answer(timedOut)).isEqualTo("The query took longer than 5 s and was stopped.");
        assertThat(TemplatedAnswers.answer(silent)).isEqualTo("The query took too long and was stopped.");
    }

    @Test
    void saysWhatTheTranslatorAssumedAndWhichWordsItLeftOut() {
        var understanding = new Understanding(List.of("a count of users"), List.of("'staff' read as the table users"),
                List.of("active"), null, null);
        var p = SqlProposed.of(Q, "SELECT count(*) AS count FROM users", 1, TranslatorInfo.offline("v"), Usage.NONE, 0, "v",
                List.of(), understanding);

        assertThat(TemplatedAnswers.answer(QueryAnswered.of(p, List.of(col("count", "int8")), List.of(row(600L)), false, 1)))
                .isEqualTo("There are 600 users. I assumed 'staff' read as the table users. "
                        + "I did not understand 'active', so the answer leaves it out.");
    }

    @Test
    void aListCutByTheTranslatorsOwnLimitSaysHowManyThereAreAboutInAll() {
        List<List<Object>> rows = IntStream.range(0, 3).mapToObj(i -> row("user " + i)).toList();
        var cut = new Understanding(List.of("users"), List.of(), List.of(), 3, 12_000L);
        var unknown = new Understanding(List.of("users"), List.of(), List.of(), 3, null);
        var notCut = new Understanding(List.of("users"), List.of(), List.of(), 5, 12_000L);

        assertThat(listed(rows, cut)).endsWith(" These are the first 3 of about 12,000.");
        assertThat(listed(rows, unknown)).endsWith(" These are the first 3; there may be more.");
        assertThat(listed(rows, notCut)).isEqualTo("Here are 3 users: user 0, user 1 and user 2.");
    }

    private static String listed(List<List<Object>> rows, Understanding understanding) {
        var p = SqlProposed.of(Q, "SELECT name FROM users LIMIT 3", 1, TranslatorInfo.offline("v"), Usage.NONE, 0, "v",
                List.of(), understanding);
        return TemplatedAnswers.answer(QueryAnswered.of(p, List.of(col("name", "text")), rows, false, 1));
    }

    @Test
    void anAnswerFromAnExampleOrTheCacheSaysSo() {
        var p = SqlProposed.of(Q, "SELECT count(*) AS count FROM users", 1, TranslatorInfo.offline("v"), Usage.NONE, 0, "v");
        var fromExample = p.withSource(SqlSource.example("e-1",
                "answered from the verified example \"How many users are there?\""));
        var fromCache = p.withSource(SqlSource.cache("q-0", null, "reused the SQL of the earlier question \"count users\""));

        assertThat(TemplatedAnswers.answer(QueryAnswered.of(fromExample, List.of(col("count", "int8")), List.of(row(3L)),
                false, 1))).isEqualTo("There are 3 users. I answered from the verified example \"How many users are there?\".");
        assertThat(TemplatedAnswers.answer(QueryAnswered.of(fromCache, List.of(col("count", "int8")), List.of(row(3L)),
                false, 1))).isEqualTo("There are 3 users. I reused the SQL of the earlier question \"count users\".");
        assertThat(TemplatedAnswers.answer(QueryAnswered.of(p.withSource(SqlSource.model()), List.of(col("count", "int8")),
                List.of(row(3L)), false, 1))).isEqualTo("There are 3 users.");
    }

    @SafeVarargs
    private static String answer(String sql, List<ColumnMeta> columns, List<Object>... rows) {
        var p = SqlProposed.of(Q, sql, 1, TranslatorInfo.offline("v"), Usage.NONE, 0, "v");
        return TemplatedAnswers.answer(QueryAnswered.of(p, columns, List.of(rows), false, 1));
    }

    private static ColumnMeta col(String name, String type) {
        return new ColumnMeta(name, type);
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
