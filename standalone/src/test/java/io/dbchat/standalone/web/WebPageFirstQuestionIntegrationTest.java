package io.dbchat.standalone.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbchat.standalone.Standalone;
import io.dbchat.standalone.StandaloneSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A newcomer's first question, asked in the page the moment the embedded default is up, over several fresh
 * starts. The page loads the schema and the conversation list, then posts the question on one of the same
 * keep-alive connections; a server that left such a connection unread after its previous response would never
 * answer that post, so the page would show "Still working on it" for ever. More starts:
 * {@code -Ddbchat.first-question.starts=N}.
 */
class WebPageFirstQuestionIntegrationTest {

    private static final int STARTS = Integer.getInteger("dbchat.first-question.starts", 3);

    @BeforeAll
    static void needsABrowser() {
        assumeTrue(Browser.available(), "no " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + ": browser tests skipped");
    }

    @TestFactory
    Stream<DynamicTest> answersTheFirstQuestionAskedRightAfterAFreshStart() {
        return IntStream.rangeClosed(1, STARTS).mapToObj(n -> DynamicTest.dynamicTest(
                "fresh start " + n + " of " + STARTS, WebPageFirstQuestionIntegrationTest::askRightAfterStart));
    }

    private static void askRightAfterStart() {
        try (Standalone dbchat = Standalone.start(new StandaloneSettings(Map.of(), List.of("--server.port=0")));
             Browser browser = Browser.open(DemoGateway.url(dbchat), 1280, 900)) {
            WebElement box = browser.awaitVisible("#question");
            box.sendKeys("How many projects are there?");
            box.sendKeys(Keys.ENTER);

            WebElement turn = browser.await(d -> {
                List<WebElement> turns = d.findElements(By.cssSelector(".turn"));
                WebElement last = turns.isEmpty() ? null : turns.getLast();
                boolean ended = last != null && !last.findElements(By.cssSelector(".steps.finished, .error-box")).isEmpty();
                return ended ? last : null;
            });

            assertThat(turn.findElements(By.cssSelector(".error-box"))).isEmpty();
            assertThat(turn.findElement(By.cssSelector(".reply")).getText()).contains("400");
        }
    }
}
