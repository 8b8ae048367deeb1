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

/** The web page against a gateway that wants an API key: it asks for one, keeps it and sends it with every call. */
class WebPageApiKeyIntegrationTest extends PageTest {

    static final String KEY = "web-page-test-key";


    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "no " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + ": browser tests skipped");
        dbchat = DemoGateway.start(Map.of("DBCHAT_GATEWAY_AUTH_MODE", "api-key"),
                List.of("--server.port=0", "--dbchat.gateway.auth.mode=api-key", "--dbchat.gateway.auth.api-keys=" + KEY + "=alice"),
                Map.of("X-API-Key", KEY));
    }

    @Test
    void asksForAKeyWhenTheGatewaySays401ThenAnswersWithIt() {
        browser = Browser.open(DemoGateway.url(dbchat), 1280, 900);

        WebElement form = browser.awaitVisible("#key-form");
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("api-key");
        browser.screenshot("apikey-asked");
        browser.focused().sendKeys("not-the-key", Keys.ENTER);
        browser.await(d -> form.isDisplayed());
        WebElement input = browser.find("#api-key");
        input.clear();
        input.sendKeys(KEY, Keys.ENTER);

        browser.awaitVisible(".schema-table");
        assertThat(form.isDisplayed()).isFalse();
        assertThat(browser.find("#toggle-key").getDomAttribute("class")).contains("has-key");
        browser.find("#question").sendKeys("How many users are there?", Keys.ENTER);
        WebElement turn = browser.await(d -> d.findElements(By.cssSelector(".turn .result-table tbody tr")).isEmpty()
                ? null : d.findElement(By.cssSelector(".turn")));
        assertThat(turn.findElement(By.cssSelector(".reply")).getText()).matches("There are [\\d,]+ users\\.");
        assertThat(browser.script("return localStorage.getItem('dbchat.apiKey')")).isEqualTo(KEY);
        browser.screenshot("apikey-answer");
    }
}
