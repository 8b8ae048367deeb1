package io.dbchat.standalone.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbchat.standalone.SharedDemo;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web page in headless Chromium against the embedded default in its open demo mode: asking, the steps
 * and the streamed answer, SQL, rows and chart, feedback, conversations, errors, 375 px and keyboard-only use
 * (on the {@link SharedDemo} system).
 */
@ExtendWith(SharedDemo.class)
class WebPageIntegrationTest extends PageTest {

    static final String CHART_QUESTION = "How many projects are there per status?";


    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "no " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + ": browser tests skipped");
        dbchat = DemoGateway.shared();
    }

    @Test
    void asksAQuestionAndShowsTheStepsTheAnswerTheSqlTheRowsAndTheChart() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        browser.awaitVisible(".schema-table");
        browser.screenshot("desktop-start");

        WebElement turn = ask(CHART_QUESTION);

        assertThat(turn.findElements(By.cssSelector(".step.done"))).extracting(e -> e.getDomProperty("textContent"))
                .containsExactly("Writing SQL (done)", "Checking it only reads (done)", "Running the query (done)",
                        "Explaining the result (done)");
        // the offline path's templated answer arrives as its FINAL alone: nothing streamed before it
        assertThat(turn.getDomAttribute("data-tokens")).isNull();
        assertThat(turn.findElement(By.cssSelector(".reply")).getText()).contains("Completed");
        WebElement sql = turn.findElement(By.cssSelector(".sql-block code"));
        assertThat(sql.getText()).containsIgnoringCase("group by").contains("projects");
        assertThat(sql.findElements(By.cssSelector(".sql-keyword"))).isNotEmpty();
        assertThat(turn.findElement(By.cssSelector(".row-count")).getText()).isEqualTo("5 rows");
        assertThat(rows(turn)).hasSize(5).anySatisfy(r -> assertThat(r).startsWith("Completed"));
        browser.await(d -> "true".equals(turn.findElement(By.cssSelector(".chart")).getDomAttribute("data-drawn")));
        assertThat(turn.findElements(By.cssSelector(".chart svg .mark-rect path"))).hasSize(5);
        browser.screenshot("desktop-answer");
    }

    @Test
    void showsHowAnAnswerWasAnsweredFromItsAuditRecord() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement turn = ask("How many teams are there?");

        turn.findElement(By.cssSelector(".audit summary")).click();

        WebElement audit = browser.await(d -> "true".equals(turn.findElement(By.cssSelector(".audit")).getDomAttribute("data-loaded"))
                ? turn.findElement(By.cssSelector(".audit")) : null);
        assertThat(audit.findElements(By.cssSelector(".audit-timeline li"))).extracting(e -> e.getDomAttribute("data-stage"))
                .contains("gateway", "translator", "executor", "interpreter");
        assertThat(audit.findElement(By.cssSelector(".audit-attempts tbody tr")).getText()).contains("passed").contains("teams");
        // the executor reports its plan check: it ran, and what the planner estimated
        assertThat(audit.findElement(By.cssSelector(".audit-attempts tbody tr .audit-plan")).getText())
                .startsWith("passed (estimated cost");
        assertThat(audit.findElement(By.cssSelector(".audit-summary")).getText()).contains("answered").contains("offline");
    }

    @Test
    void showsBesideTheAnswerWhatWasReadAndWhichWordsWereNotUnderstood() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);

        WebElement turn = ask("Roughly how many teams are there?");

        WebElement understanding = turn.findElement(By.cssSelector(".understanding.caveats"));
        assertThat(understanding.findElements(By.tagName("dt"))).extracting(WebElement::getText)
                .containsExactly("Read as", "Not understood");
        assertThat(understanding.findElements(By.tagName("dd"))).extracting(WebElement::getText)
                .containsExactly("a count of teams", "'Roughly'");
        assertThat(turn.findElement(By.cssSelector(".reply")).getText()).contains("I did not understand 'Roughly'");
        WebElement plain = ask("How many teams are there?").findElement(By.cssSelector(".understanding"));
        assertThat(plain.getDomAttribute("class")).doesNotContain("caveats");
        assertThat(plain.getText()).contains("a count of teams");
        browser.screenshot("desktop-understanding");
    }

    @Test
    void showsBesideTheAnswerTheAssumptionItMadeForAWordWithoutAColumn() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);

        WebElement turn = ask("How many active users are there?");

        WebElement understanding = turn.findElement(By.cssSelector(".understanding.caveats"));
        assertThat(understanding.findElements(By.tagName("dt"))).extracting(WebElement::getText)
                .containsExactly("Read as", "Assumed");
        assertThat(understanding.findElements(By.tagName("dd"))).extracting(WebElement::getText)
                .containsExactly("a count of users; left_on empty or later than today",
                        "'active' read as left_on empty or later than today");
        assertThat(turn.findElement(By.cssSelector(".sql-block code")).getText()).contains("left_on IS NULL");
        browser.screenshot("desktop-assumption");
    }

    @Test
    void showsBesideTheAnswerTheStoredNameItTookForANameNoValueHoldsExactly() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);

        WebElement turn = ask("List the employees in the Data team");

        WebElement understanding = turn.findElement(By.cssSelector(".understanding.caveats"));
        assertThat(understanding.findElements(By.tagName("dt"))).extracting(WebElement::getText).contains("Assumed");
        assertThat(understanding.findElements(By.tagName("dd"))).extracting(WebElement::getText)
                .contains("'Data' means the team 'Data & Analytics'");
        assertThat(turn.findElement(By.cssSelector(".reply")).getText())
                .contains("I assumed 'Data' means the team 'Data & Analytics'");
        assertThat(turn.findElement(By.cssSelector(".sql-block code")).getText()).contains("'Data & Analytics'");
    }

    @Test
    void sortsTheRowsByAColumnAndDownloadsThemAsCsv() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement turn = ask(CHART_QUESTION);

        header(turn, 1).findElement(By.tagName("button")).click();
        header(turn, 1).findElement(By.tagName("button")).click();

        assertThat(header(turn, 1).getDomAttribute("aria-sort")).isEqualTo("descending");
        assertThat(rows(turn).getFirst()).startsWith("Completed");
        // the CSV as the page hands it to the browser's download, split at its CRLF line ends
        List<?> lines = (List<?>) browser.script("""
                const turn = arguments[0];
                let text = null;
                const original = URL.createObjectURL;
                URL.createObjectURL = (blob) => { blob.text().then((t) => { text = t; }); return original(blob); };
                turn.querySelector('.result-head button').click();
                URL.createObjectURL = original;
                return new Promise((resolve) => setTimeout(() => resolve(text.split('\\r\\n')), 200));""", turn);
        assertThat(lines).hasSize(7).first().isEqualTo("status,count");
        assertThat(lines.get(1)).asString().startsWith("Completed,");
        assertThat(lines.getLast()).isEqualTo("");
    }

    @Test
    void pagesThroughALongResultTwentyFiveRowsAtATime() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement turn = ask("List all tasks");
        String firstRow = rows(turn).getFirst();

        assertThat(turn.findElement(By.cssSelector(".row-count")).getText()).matches("The first [\\d,]+ of about [\\d,]+ rows");
        assertThat(rows(turn)).hasSize(25);
        assertThat(turn.findElement(By.cssSelector(".page-range")).getText()).startsWith("Rows 1–25 of ");
        turn.findElement(By.cssSelector(".pager button[aria-label='Next page']")).click();

        assertThat(turn.findElement(By.cssSelector(".page-range")).getText()).startsWith("Rows 26–50 of ");
        assertThat(rows(turn)).hasSize(25).doesNotContain(firstRow);
        browser.screenshot("desktop-paged");
    }

    @Test
    void recordsRightAndWrongFeedbackWithACorrectedSql() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        WebElement turn = ask(CHART_QUESTION);
        List<WebElement> verdicts = turn.findElements(By.cssSelector(".verdict"));

        verdicts.get(0).click();
        browser.await(d -> turn.findElement(By.cssSelector(".feedback-status")).getText().startsWith("Thank you"));
        verdicts.get(1).click();
        WebElement corrected = browser.focused();
        corrected.sendKeys(Keys.END, " LIMIT 3");
        turn.findElement(By.cssSelector(".feedback-form input")).sendKeys("only the top three");
        turn.findElement(By.cssSelector(".feedback-form button[type=submit]")).click();

        browser.await(d -> "true".equals(verdicts.get(1).getDomAttribute("aria-pressed")));
        assertThat(corrected.getTagName()).isEqualTo("textarea");
        assertThat(verdicts.get(0).getDomAttribute("aria-pressed")).isEqualTo("false");
        assertThat(turn.findElement(By.cssSelector(".feedback-status")).getText()).startsWith("Thank you");
        browser.screenshot("desktop-feedback");
    }

    @Test
    void keepsConversationsToSwitchBetweenAndDelete() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        ask("How many teams are there?");
        browser.find("#new-conversation").click();
        assertThat(browser.find("#welcome").isDisplayed()).isTrue();
        ask("How many tasks are there per priority?");

        clickInConversation("How many teams are there?", ".conversation-open");
        browser.await(d -> browser.find("#transcript").getText().contains("How many teams are there?"));
        assertThat(browser.find("#transcript").getText()).doesNotContain("per priority");
        clickInConversation("per priority", ".delete");
        browser.driver.switchTo().alert().accept();

        browser.await(d -> d.findElements(By.cssSelector(".conversation")).stream().noneMatch(c -> c.getText().contains("per priority")));
        browser.await(d -> "true".equals(conversation("How many teams are there?")
                .findElement(By.cssSelector(".conversation-open")).getDomAttribute("aria-current")));
        browser.screenshot("desktop-conversations");
    }

    @Test
    void showsPlainlyWhatWentWrongWhenTheGatewayRefusesAQuestion() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);

        WebElement box = browser.find("#question");
        box.sendKeys("é".repeat(2100));
        box.sendKeys(Keys.ENTER);

        WebElement error = browser.awaitVisible(".turn .error-box");
        assertThat(error.getDomAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).contains("No answer").contains("4096 bytes").contains("payload_too_large");
        assertThat(browser.find("#question").getDomProperty("value")).startsWith("ééé");
        browser.screenshot("desktop-error");
    }

    @Test
    void at375PixelsTheAnswerFitsTheWidthAndThePanelsOpenAsDrawers() {
        browser = Browser.open(DemoGateway.url(dbchat), 375, 812);
        assertThat(browser.script("return window.innerWidth")).isEqualTo(375L);
        assertThat(browser.find("#conversations").isDisplayed()).isFalse();

        WebElement turn = ask(CHART_QUESTION);
        browser.await(d -> "true".equals(turn.findElement(By.cssSelector(".chart")).getDomAttribute("data-drawn")));

        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        assertThat(browser.find("#ask-button").isDisplayed()).isTrue();
        browser.screenshot("narrow-answer");
        browser.find("#toggle-schema").click();
        browser.find(".schema-table[data-table=projects] summary").click();
        assertThat(browser.awaitVisible(".schema-table[data-table=projects] .example").getText()).startsWith("How many projects");
        browser.screenshot("narrow-schema");
        browser.find(".schema-table[data-table=projects] .example").click();
        assertThat(browser.find("#schema").isDisplayed()).isFalse();
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("question");
    }

    @Test
    void theWholeFlowWorksWithTheKeyboardAlone() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);
        browser.awaitVisible(".schema-table");

        press(Keys.TAB);
        assertThat(browser.focused().getText()).isEqualTo("Skip to the question box");
        press(Keys.ENTER);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("question");
        browser.focused().sendKeys(CHART_QUESTION, Keys.ENTER);
        WebElement turn = awaitAnswer();

        press(Keys.SHIFT, Keys.TAB);
        assertThat(browser.focused().getText()).contains("Wrong");
        press(Keys.ENTER);
        assertThat(browser.focused().getTagName()).isEqualTo("textarea");
        assertThat(browser.focused().getDomProperty("value")).containsIgnoringCase("group by");
        tabUntil(Keys.SHIFT, ".sort-button");
        press(Keys.ENTER);
        assertThat(turn.findElements(By.cssSelector("th[aria-sort=ascending]"))).hasSize(1);
        assertThat(browser.focused().getDomAttribute("class")).isEqualTo("sort-button");
        browser.screenshot("keyboard-sorted");

        tabUntil(null, ".schema-table[data-table=tasks] summary");
        press(Keys.ENTER);
        press(Keys.TAB);
        assertThat(browser.focused().getDomAttribute("class")).isEqualTo("example");
        String example = browser.focused().getText();
        press(Keys.ENTER);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("question");
        assertThat(browser.focused().getDomProperty("value")).isEqualTo(example);
        browser.screenshot("keyboard-example");
    }

    @Test
    void readsServerSentEventsWhereverTheNetworkSplitsThem() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);

        // every split of the stream into two chunks, CRLF pairs included, parsed by the page's own reader
        Object parsed = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/sse.js').then(async ({ parse }) => {
                  const text = 'id:11\\r\\nevent:status\\r\\ndata:{"seq":11}\\r\\n\\r\\n:heartbeat\\n\\n'
                    + 'id: 12\\nevent: token\\ndata: line one\\ndata: line two\\n\\n';
                  const results = new Set();
                  for (let i = 0; i <= text.length; i++) {
                    const body = new ReadableStream({ start(c) {
                      const bytes = new TextEncoder().encode(text);
                      c.enqueue(bytes.slice(0, i)); c.enqueue(bytes.slice(i)); c.close();
                    } });
                    const events = [];
                    for await (const e of parse(body)) events.push(`${e.id}|${e.event}|${e.data}`);
                    results.add(events.join(' / '));
                  }
                  done([...results]);
                }).catch((e) => done(String(e)));""");

        assertThat(parsed).isEqualTo(List.of("11|status|{\"seq\":11} / 12|token|line one\nline two"));
    }

    private WebElement ask(String question) {
        WebElement box = browser.awaitVisible("#question");
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        return awaitAnswer();
    }

    /** The newest turn, once its rows are shown. */
    private WebElement awaitAnswer() {
        return browser.await(d -> {
            List<WebElement> turns = d.findElements(By.cssSelector(".turn"));
            WebElement last = turns.isEmpty() ? null : turns.getLast();
            return last != null && !last.findElements(By.cssSelector(".result-table tbody tr")).isEmpty() ? last : null;
        });
    }

    /** A column header, found afresh: sorting draws the table again. */
    private static WebElement header(WebElement turn, int index) {
        return turn.findElements(By.cssSelector("th")).get(index);
    }

    private static List<String> rows(WebElement turn) {
        return turn.findElements(By.cssSelector(".result-table tbody tr")).stream().map(WebElement::getText).toList();
    }

    /** Clicks css inside the conversation entry showing text, again if the list was redrawn under the click. */
    private void clickInConversation(String text, String css) {
        browser.await(d -> {
            conversation(text).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    private WebElement conversation(String text) {
        return browser.await(d -> d.findElements(By.cssSelector(".conversation")).stream()
                .filter(c -> c.getText().contains(text)).findFirst().orElse(null));
    }

    private void press(Keys key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    private void press(Keys modifier, Keys key) {
        new Actions(browser.driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    /** Tabs (backwards with shift) until the focus is on an element matching css, as a keyboard user would. */
    private void tabUntil(Keys modifier, String css) {
        for (int i = 0; i < 120; i++) {
            if ((Boolean) browser.script("return document.activeElement.matches(arguments[0])", css)) {
                return;
            }
            if (modifier == null) {
                press(Keys.TAB);
            } else {
                press(modifier, Keys.TAB);
            }
        }
        throw new AssertionError("the keyboard never reached " + css);
    }
}
