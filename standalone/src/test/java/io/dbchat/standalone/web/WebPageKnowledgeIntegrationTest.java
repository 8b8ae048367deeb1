package io.dbchat.standalone.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The feedback loop in headless Chromium against the embedded default, whose anonymous user is made a knowledge
 * admin: an answer marked right is proposed as a verified example, approved in the Knowledge panel, and a paraphrase
 * of its question is then answered from it, saying so.
 */
class WebPageKnowledgeIntegrationTest extends PageTest {

    static final String QUESTION = "How many teams are there?";
    static final String PARAPHRASE = "What is the number of teams?";

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "no " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + ": browser tests skipped");
        dbchat = DemoGateway.start(Map.of(), List.of("--server.port=0", "--dbchat.gateway.knowledge.admins=anonymous"),
                Map.of());
    }

    @Test
    void anAnswerMarkedRightAndApprovedAnswersAParaphraseAsAVerifiedExample() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement first = ask(QUESTION);
        String sql = first.findElement(By.cssSelector(".sql-block code")).getText();

        first.findElements(By.cssSelector(".feedback .verdict")).getFirst().click();
        browser.await(d -> first.findElement(By.cssSelector(".feedback-status")).getText()
                .contains("proposed as a verified example"));

        browser.find("#toggle-knowledge").click();
        WebElement proposed = browser.await(d -> entry("proposed"));
        assertThat(proposed.findElement(By.cssSelector(".knowledge-title")).getText()).isEqualTo(QUESTION);
        assertThat(proposed.findElement(By.cssSelector(".knowledge-sql")).getText()).isEqualTo(sql);
        browser.screenshot("knowledge-proposed");
        proposed.findElement(By.cssSelector(".knowledge-approve")).click();
        WebElement approved = browser.await(d -> entry("approved"));
        assertThat(approved.getText()).contains("approved by anonymous");
        assertThat(browser.find("#knowledge-status").getText()).contains("Approved");
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.await(d -> !browser.find("#knowledge").isDisplayed());
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("toggle-knowledge");

        // approved entries take effect within seconds: the translator reads the knowledge topic as it changes;
        // asked in a new conversation, so that it is no follow-up of the first
        browser.find("#new-conversation").click();
        WebElement paraphrased = ask(PARAPHRASE);
        assertThat(paraphrased.getText()).contains("verified example");
        assertThat(paraphrased.findElement(By.cssSelector(".sql-block code")).getText()).isEqualTo(sql);
    }

    /** The example entry of the question shown with this status, if any. */
    private WebElement entry(String status) {
        return browser.driver.findElements(By.cssSelector("#knowledge-list .knowledge-entry[data-kind=example]")).stream()
                .filter(e -> status.equals(e.getDomAttribute("data-status"))).findFirst().orElse(null);
    }

    private WebElement ask(String question) {
        int before = browser.driver.findElements(By.cssSelector(".turn")).size();
        WebElement box = browser.awaitVisible("#question");
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        WebElement turn = browser.await(d -> {
            List<WebElement> turns = d.findElements(By.cssSelector(".turn"));
            WebElement last = turns.isEmpty() ? null : turns.getLast();
            boolean ended = turns.size() > before
                    && !last.findElements(By.cssSelector(".steps.finished, .error-box")).isEmpty();
            return ended ? last : null;
        });
        assertThat(turn.findElements(By.cssSelector(".error-box"))).isEmpty();
        return turn;
    }
}
