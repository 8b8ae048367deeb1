package io.dbchat.standalone.web;

import io.dbchat.standalone.Standalone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * What every browser test class shares: the embedded default its {@code @BeforeAll} starts (one per class, with the
 * class's own settings), stopped after the class, and the browser a test opens, closed after the test.
 */
abstract class PageTest {

    static Standalone dbchat;
    Browser browser;

    @AfterAll
    static void stop() {
        if (dbchat != null) {
            dbchat.close();
            dbchat = null;
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
