package io.dbchat.standalone.web;

import io.dbchat.contracts.serde.Json;
import io.dbchat.standalone.SharedDemo;
import io.dbchat.standalone.Standalone;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

/**
 * What every browser test class shares: the embedded default its {@code @BeforeAll} starts (one per class, with the
 * class's own settings), stopped after the class, and the browser a test opens, closed after the test.
 */
abstract class PageTest {

    static Standalone dbchat;
    Browser browser;

    @AfterAll
    static void stop() {
        if (dbchat != null && !SharedDemo.isShared(dbchat)) {
            dbchat.close();
        }
        dbchat = null;
    }

    /** The conversation the page shows now (its address names it). */
    String shownConversation() {
        String page = browser.driver.getCurrentUrl();
        String id = page.substring(page.indexOf("#c=") + 3);
        return URLDecoder.decode(id.contains("&") ? id.substring(0, id.indexOf('&')) : id, StandardCharsets.UTF_8);
    }

    /**
     * The interpreter records a turn just after its last reply: waits until the gateway shows the conversation's
     * turns as {@code ready} says.
     */
    static void awaitRecordedTurns(String conversationId, Predicate<JsonNode> ready) {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(DemoGateway.url(dbchat) + "api/chat/conversations/"
                + URLEncoder.encode(conversationId, StandardCharsets.UTF_8))).build();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && ready.test(Json.MAPPER.readTree(response.body()).path("turns"));
        });
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
