package io.dbchat.standalone.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbchat.contracts.serde.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Reopening a conversation in a fresh browser shows every answer as it was first shown: the words, the SQL, the
 * table, the chart and the earlier mark; an answer whose rows were too large to keep (the limit is set low here)
 * says so and runs its SQL again on request; a link to one answer reopens it once the gateway has let the query go.
 */
class WebPageHistoryIntegrationTest extends PageTest {


    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "no " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + ": browser tests skipped");
        // the gateway lets an answered query go after 5 s here (10 minutes by default), so links and marks must find
        // an earlier answer through its conversation's record
        dbchat = DemoGateway.start(Map.of(), List.of("--server.port=0", "--dbchat.conversations.max-row-bytes=2000",
                "--dbchat.gateway.completed-retention=5s"), Map.of());
    }

    @Test
    void aReopenedConversationShowsItsTablesChartsAndMarksAndRerunsWhatWasNotKept() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement chart = ask(WebPageIntegrationTest.CHART_QUESTION);
        chart.findElements(By.cssSelector(".verdict")).getFirst().click();
        browser.await(d -> chart.findElement(By.cssSelector(".feedback-status")).getText().startsWith("Thank you"));
        ask("List all tasks");
        String page = browser.driver.getCurrentUrl();
        String conversationId = URLDecoder.decode(page.substring(page.indexOf("#c=") + 3), StandardCharsets.UTF_8);
        awaitRecordedTurns(conversationId, recorded -> recorded.size() == 2);
        browser.close();

        browser = Browser.open(page, 1280, 900);
        List<WebElement> turns = browser.await(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("#transcript .turn"));
            return shown.size() == 2 ? shown : null;
        });
        WebElement first = turns.getFirst();
        assertThat(first.findElement(By.cssSelector(".reply")).getText()).contains("Completed");
        assertThat(first.findElement(By.cssSelector(".sql-block code")).getText()).containsIgnoringCase("group by");
        assertThat(first.findElement(By.cssSelector(".row-count")).getText()).isEqualTo("5 rows");
        assertThat(first.findElements(By.cssSelector(".result-table tbody tr"))).hasSize(5);
        browser.await(d -> "true".equals(first.findElement(By.cssSelector(".chart")).getDomAttribute("data-drawn")));
        assertThat(first.findElements(By.cssSelector(".chart svg .mark-rect path"))).hasSize(5);
        assertThat(first.findElements(By.cssSelector(".verdict")).getFirst().getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(first.findElement(By.cssSelector(".feedback-status")).getText()).isEqualTo("You marked this answer right.");

        WebElement second = turns.get(1);
        assertThat(second.findElements(By.cssSelector(".result-table"))).isEmpty();
        assertThat(second.findElement(By.cssSelector(".rerun .notice")).getText()).contains("too large to keep")
                .contains("the data may have changed");
        assertThat(second.findElement(By.cssSelector(".sql-block code")).getText()).containsIgnoringCase("tasks");
        browser.screenshot("desktop-reopened");

        second.findElement(By.cssSelector(".rerun button")).click();
        WebElement rerun = awaitAnswer(3);
        assertThat(rerun.findElement(By.cssSelector(".row-count")).getText()).matches("[\\d,]+ rows");
        assertThat(rerun.findElements(By.cssSelector(".result-table tbody tr"))).hasSize(25);
        assertThat(rerun.findElement(By.cssSelector(".translator")).getText()).contains("rerun");
        awaitRecordedTurns(conversationId, recorded -> recorded.size() == 3);
    }

    private WebElement ask(String question) {
        int before = browser.driver.findElements(By.cssSelector("#transcript .turn")).size();
        WebElement box = browser.awaitVisible("#question");
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        return awaitAnswer(before + 1);
    }

    /** The {@code count}th turn, once its rows are shown. */
    private WebElement awaitAnswer(int count) {
        return browser.await(d -> {
            List<WebElement> turns = d.findElements(By.cssSelector("#transcript .turn"));
            WebElement last = turns.size() < count ? null : turns.get(count - 1);
            return last != null && !last.findElements(By.cssSelector(".result-table tbody tr")).isEmpty() ? last : null;
        });
    }

    @Test
    void aLinkToOneAnswerReopensItFromItsConversationOnceTheGatewayHasLetTheQueryGo() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement answered = ask(WebPageIntegrationTest.CHART_QUESTION);
        String queryId = answered.getDomAttribute("data-query-id");
        String link = answered.findElement(By.cssSelector(".answer-link")).getDomProperty("href");
        awaitRecordedTurns(shownConversation(), recorded -> recorded.size() == 1);
        browser.close();
        awaitForgotten(queryId);

        browser = Browser.open(link, 1280, 900);
        WebElement reopened = browser.await(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("#transcript .turn"));
            return shown.size() == 1 && !shown.getFirst().findElements(By.cssSelector(".result-table tbody tr")).isEmpty()
                    ? shown.getFirst() : null;
        });

        assertThat(reopened.findElement(By.cssSelector(".question p")).getText()).isEqualTo(WebPageIntegrationTest.CHART_QUESTION);
        assertThat(reopened.findElements(By.cssSelector(".result-table tbody tr"))).hasSize(5);
        assertThat(browser.find(".answer-context").getText()).contains("Open the whole conversation");
        reopened.findElements(By.cssSelector(".verdict")).getFirst().click();
        browser.await(d -> reopened.findElement(By.cssSelector(".feedback-status")).getText().startsWith("Thank you"));
    }

    /** Until the gateway answers 404 for the query: it keeps an answered query only {@code completed-retention}. */
    private static void awaitForgotten(String queryId) {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(DemoGateway.url(dbchat) + "api/chat/queries/"
                + URLEncoder.encode(queryId, StandardCharsets.UTF_8))).build();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 404);
    }
}
