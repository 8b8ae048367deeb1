package io.dbchat.standalone.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbchat.contracts.runtime.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What people do after the first answer, in headless Chromium against the embedded default: edit the SQL and
 * run it again, have it explained, stop a question, pick the chart, ask a suggested follow-up, open one answer
 * from its link, see a cut result said as such (and a stopped question kept as such in its conversation), and the
 * question box's counter. The planner's budget is raised
 * so that a deliberately slow query can run long enough to be stopped.
 */
class WebPageAnswerToolsIntegrationTest extends PageTest {

    static final String CHART_QUESTION = "How many projects are there per status?";
    /** Runs until the statement timeout: a cross join of 20,000 tasks twice and 600 users. */
    static final String SLOW_SQL = "SELECT count(*) AS pairs FROM tasks a CROSS JOIN tasks b CROSS JOIN users c";


    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "no " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + ": browser tests skipped");
        dbchat = DemoGateway.start(Map.of(), List.of("--server.port=0",
                "--dbchat.executor.plan-check.max-cost=1000000000000000",
                "--dbchat.executor.plan-check.max-rows=1000000000000000",
                // only stopping the slow statement ends it in the time the test waits for that
                "--dbchat.executor.statement-timeout=300s"), Map.of());
    }

    @Test
    void editsTheSqlOfAnAnswerAndRunsItAgainAsANewTurnMarkedAsWrittenByThePerson() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement first = ask("How many teams are there?");

        first.findElement(By.cssSelector(".edit-sql")).click();
        WebElement editor = browser.awaitVisible(".sql-editor");
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys("SELECT name FROM teams ORDER BY name DESC LIMIT 3");
        browser.screenshotForDocs("edit-sql");
        editor.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();

        WebElement edited = awaitAnswerAfter(first);
        assertThat(edited.findElement(By.cssSelector(".question p")).getText()).startsWith("Edited SQL: SELECT name FROM teams");
        assertThat(edited.findElement(By.cssSelector(".sql-block code")).getText()).isEqualTo("SELECT name FROM teams ORDER BY name DESC LIMIT 3");
        assertThat(rows(edited)).hasSize(3);
        assertThat(rows(edited).get(0).compareTo(rows(edited).get(1))).isPositive(); // the query's own order
        assertThat(edited.findElement(By.cssSelector(".translator")).getText()).isEqualTo("SQL written by you, run as written");
        // both turns are one conversation
        browser.await(d -> browser.find("#conversation-list").getText().contains("2 questions"));
        browser.screenshotForDocs("edited-answer");
    }

    @Test
    void explainsTheSqlOfAnAnswerInPlainWords() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement turn = ask(CHART_QUESTION);

        turn.findElement(By.cssSelector(".explain-sql")).click();

        WebElement reading = browser.await(d -> {
            WebElement r = turn.findElement(By.cssSelector(".sql-explanation"));
            return r.getText().startsWith("It reads") ? r : null;
        });
        assertThat(reading.getText()).contains("the table projects").contains("It groups them by").contains("status");
        browser.screenshotForDocs("explain-sql");
    }

    @Test
    void stopsARunningQuestionAndSaysItWasCancelled() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement first = ask("How many teams are there?");
        first.findElement(By.cssSelector(".edit-sql")).click();
        WebElement editor = browser.awaitVisible(".sql-editor");
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys(SLOW_SQL);
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        WebElement running = browser.await(d -> {
            List<WebElement> turns = d.findElements(By.cssSelector(".turn"));
            String queryId = turns.size() == 2 ? turns.getLast().getDomAttribute("data-query-id") : null;
            return queryId != null && !queryId.isEmpty() ? turns.getLast() : null;
        });
        browser.screenshot("running");
        awaitRunningInTheDatabase(1);
        running.findElement(By.cssSelector(".stop")).click();

        WebElement cancelled = browser.await(d -> running.findElements(By.cssSelector(".error-box.cancelled")).stream().findFirst().orElse(null));
        assertThat(cancelled.findElement(By.cssSelector(".error-title")).getText()).isEqualTo("Cancelled");
        assertThat(cancelled.getText()).contains("cancelled");
        assertThat(running.findElements(By.cssSelector(".stop"))).isEmpty();
        assertThat(running.findElements(By.cssSelector(".result-table"))).isEmpty();
        awaitRunningInTheDatabase(0); // PostgreSQL stopped the statement: the executor sent it a cancel request
        browser.screenshotForDocs("cancelled");
        // the question box is free again for the next question
        assertThat(browser.find("#ask-button").isEnabled()).isTrue();

        // the conversation keeps the cancelled question: reopened, it shows the question and that it was cancelled
        awaitRecordedTurns(shownConversation(), recorded -> recorded.size() == 2
                && "cancelled".equals(recorded.get(1).path("status").asString()));
        browser.driver.navigate().refresh();
        WebElement reopened = browser.await(d -> {
            List<WebElement> turns = d.findElements(By.cssSelector("#transcript .turn"));
            return turns.size() == 2 && !turns.getLast().findElements(By.cssSelector(".error-box.cancelled")).isEmpty()
                    ? turns.getLast() : null;
        });
        assertThat(reopened.findElement(By.cssSelector(".question p")).getText()).isEqualTo(SLOW_SQL);
        assertThat(reopened.findElement(By.cssSelector(".error-title")).getText()).isEqualTo("Cancelled");
        assertThat(reopened.findElement(By.cssSelector(".error-box")).getText()).contains("cancelled");
        browser.screenshotForDocs("cancelled-reopened");
    }

    @Test
    void choosesTheChartAndCutsManyCategoriesToTheLargestSayingSo() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement turn = ask(CHART_QUESTION);
        awaitDrawn(turn);
        assertThat(turn.findElements(By.cssSelector(".chart svg .mark-rect path"))).hasSize(5);

        kind(turn, "pie").click();
        awaitDrawn(turn);
        assertThat(turn.findElements(By.cssSelector(".chart svg .mark-arc path"))).hasSize(5);
        assertThat(kind(turn, "pie").getDomAttribute("aria-checked")).isEqualTo("true");
        browser.screenshotForDocs("chart-pie");
        // categories are not a series: no line is offered for them
        assertThat(turn.findElements(By.cssSelector(".chart-kind"))).extracting(WebElement::getText)
                .containsExactly("Bar", "Pie", "Table only");
        kind(turn, "table").click();
        assertThat(turn.findElement(By.cssSelector(".chart")).isDisplayed()).isFalse();
        assertThat(rows(turn)).hasSize(5);

        WebElement series = ask("How many tasks are there per month?");
        awaitDrawn(series);
        assertThat(series.findElements(By.cssSelector(".chart svg .mark-line path"))).hasSize(1);
        assertThat(series.findElements(By.cssSelector(".chart-kind"))).extracting(WebElement::getText)
                .containsExactly("Line", "Bar", "Table only");
        kind(series, "bar").click();
        awaitDrawn(series);
        int months = Integer.parseInt(series.findElement(By.cssSelector(".row-count")).getText().replaceAll("\\D", ""));
        assertThat(series.findElements(By.cssSelector(".chart svg .mark-rect path"))).hasSize(months);
        assertThat(series.findElements(By.cssSelector(".chart-cut"))).isEmpty();

        WebElement many = ask("How many tasks per project?");
        awaitDrawn(many);
        String note = many.findElement(By.cssSelector(".chart-cut")).getText();
        assertThat(note).matches("Showing the 12 largest of [\\d,]+ .* values by .*; the table has them all\\.");
        assertThat(many.findElements(By.cssSelector(".chart svg .mark-rect path"))).hasSize(12);
        browser.screenshotForDocs("chart-top");
    }

    @Test
    void asksASuggestedFollowUpFromTheSchema() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement turn = ask(CHART_QUESTION);

        List<WebElement> suggestions = turn.findElements(By.cssSelector(".followup"));
        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions).extracting(WebElement::getText).allMatch(q -> q.startsWith("How many ") && q.endsWith("?"));
        browser.screenshotForDocs("followups");
        String asked = suggestions.getFirst().getText();
        suggestions.getFirst().click();

        WebElement next = awaitAnswerAfter(turn);
        assertThat(next.findElement(By.cssSelector(".question p")).getText()).isEqualTo(asked);
        assertThat(rows(next)).isNotEmpty();
    }

    @Test
    void reopensOneAnswerInFullFromItsLink() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement turn = ask(CHART_QUESTION);
        String link = turn.findElement(By.cssSelector(".answer-link")).getDomProperty("href");
        assertThat(link).contains("q=" + turn.getDomAttribute("data-query-id")).contains("#c=");
        browser.close();

        browser = Browser.open(link, 1280, 900);
        WebElement reopened = awaitAnswer();

        assertThat(reopened.findElement(By.cssSelector(".question p")).getText()).isEqualTo(CHART_QUESTION);
        assertThat(reopened.findElement(By.cssSelector(".reply")).getText()).contains("Completed");
        assertThat(rows(reopened)).hasSize(5);
        awaitDrawn(reopened);
        assertThat(reopened.findElements(By.cssSelector(".chart svg .mark-rect path"))).hasSize(5);
        assertThat(browser.find(".answer-context").getText()).contains("Open the whole conversation");
        browser.screenshotForDocs("linked-answer");
    }

    @Test
    void saysWhereALimitCutTheResultAndFormatsValuesAsTheWordsDo() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement turn = ask("List all tasks");

        String summary = turn.findElement(By.cssSelector(".row-count")).getText();
        assertThat(summary).matches("The first 1,000 of about [\\d,]+ rows");
        assertThat(turn.findElement(By.cssSelector(".reply")).getText()).contains("These are the first 1,000");
        assertThat(turn.findElement(By.cssSelector(".notice")).getText()).startsWith(summary);
        // dates read "12 March 2024" as in the words, not ISO
        assertThat(rows(turn).getFirst()).matches("(?s).*\\b\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}\\b.*");
        browser.script("arguments[0].scrollIntoView({block: 'start'})", turn.findElement(By.cssSelector(".result")));
        browser.screenshotForDocs("truncated");
    }

    @Test
    void theTableShowsEveryValueExactlyAsTheWordsSayIt() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement first = ask("How many teams are there?");

        // money, a computed decimal and a count: one row of figures, each said in the words
        WebElement figures = runEdited(first,
                "SELECT sum(budget) AS total_budget, avg(budget) AS mean, count(*) AS projects FROM projects");
        List<String> cells = cells(figures);
        assertThat(cells.get(0)).matches("\\$\\d{1,3}(,\\d{3})+\\.\\d{2}");
        assertThat(cells.get(1)).matches("\\d{1,3}(,\\d{3})*\\.\\d{2}");
        assertThat(cells.get(2)).matches("\\d{1,3}(,\\d{3})*");
        String words = figures.findElement(By.cssSelector(".reply")).getText();
        assertThat(cells).allSatisfy(cell -> assertThat(words).contains(cell));

        // a date, said as "14 January 2019" in both
        WebElement date = runEdited(figures, "SELECT min(start_date) AS first_start FROM projects");
        String day = cells(date).getFirst();
        assertThat(day).matches("\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}");
        assertThat(date.findElement(By.cssSelector(".reply")).getText()).contains(day);
    }

    @Test
    void theBoxCountsBytesNearItsLimitAndTheButtonSaysAccessIsOpen() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        browser.await(d -> "Open access".equals(browser.find("#toggle-key").getText()) ? true : null);
        WebElement counter = browser.find("#question-counter");
        WebElement box = browser.find("#question");
        assertThat(counter.isDisplayed()).isFalse();

        browser.script("arguments[0].value = 'a'.repeat(3500); arguments[0].dispatchEvent(new Event('input'));", box);
        assertThat(counter.getText()).isEqualTo("3,500 / 4,096 bytes");
        browser.script("arguments[0].value = 'é'.repeat(2100); arguments[0].dispatchEvent(new Event('input'));", box);
        assertThat(counter.getText()).isEqualTo("4,200 / 4,096 bytes: 104 too many to send");
        assertThat(counter.getDomAttribute("class")).contains("over");
        browser.find("#toggle-key").click();
        assertThat(browser.find("#key-reason").getText()).startsWith("This server is open: no API key is needed");
        browser.screenshot("counter-open-access");
    }

    /** Waits until so many of the slow statements run in the embedded PostgreSQL (pg_stat_activity). */
    private static void awaitRunningInTheDatabase(int count) {
        var p = dbchat.infrastructureProperties();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection c = DriverManager.getConnection(PostgresUrl.parse(p.get("dbchat.datasource.url")).jdbcUrl(),
                    p.get("dbchat.datasource.username"), null);
                 var s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                         + "AND query LIKE '%CROSS JOIN users c%' AND pid <> pg_backend_pid()");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) == count;
            }
        });
    }

    private WebElement ask(String question) {
        int before = browser.driver.findElements(By.cssSelector(".turn")).size();
        WebElement box = browser.awaitVisible("#question");
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        return browser.await(d -> {
            List<WebElement> turns = d.findElements(By.cssSelector(".turn"));
            WebElement last = turns.isEmpty() ? null : turns.getLast();
            return turns.size() > before && !last.findElements(By.cssSelector(".result-table tbody tr")).isEmpty() ? last : null;
        });
    }

    /** Edits the SQL of {@code turn} to {@code sql}, runs it and returns the new turn once its rows are shown. */
    private WebElement runEdited(WebElement turn, String sql) {
        turn.findElement(By.cssSelector(".edit-sql")).click();
        WebElement editor = browser.await(d -> turn.findElements(By.cssSelector(".sql-editor")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys(sql);
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        return awaitAnswerAfter(turn);
    }

    private static List<String> cells(WebElement turn) {
        return turn.findElements(By.cssSelector(".result-table tbody tr:first-child td")).stream()
                .map(WebElement::getText).toList();
    }

    private WebElement awaitAnswer() {
        return browser.await(d -> {
            List<WebElement> turns = d.findElements(By.cssSelector(".turn"));
            WebElement last = turns.isEmpty() ? null : turns.getLast();
            return last != null && !last.findElements(By.cssSelector(".result-table tbody tr")).isEmpty() ? last : null;
        });
    }

    /** The turn after the given one, once its rows are shown. */
    private WebElement awaitAnswerAfter(WebElement previous) {
        return browser.await(d -> {
            List<WebElement> turns = d.findElements(By.cssSelector(".turn"));
            int at = turns.indexOf(previous);
            WebElement next = at >= 0 && at + 1 < turns.size() ? turns.get(at + 1) : null;
            return next != null && !next.findElements(By.cssSelector(".result-table tbody tr")).isEmpty() ? next : null;
        });
    }

    private void awaitDrawn(WebElement turn) {
        browser.await(d -> "true".equals(turn.findElement(By.cssSelector(".chart")).getDomAttribute("data-drawn")));
    }

    private static WebElement kind(WebElement turn, String kind) {
        return turn.findElement(By.cssSelector(".chart-kind[data-kind=" + kind + "]"));
    }

    private static List<String> rows(WebElement turn) {
        return turn.findElements(By.cssSelector(".result-table tbody tr")).stream().map(WebElement::getText).toList();
    }
}
