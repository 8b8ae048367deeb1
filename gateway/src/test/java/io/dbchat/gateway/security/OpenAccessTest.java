package io.dbchat.gateway.security;

import io.dbchat.gateway.WebSliceTest;
import org.junit.jupiter.api.Test;

/** In open mode the page can tell that no key is needed: everyone is "anonymous". */
class OpenAccessTest extends WebSliceTest {

    @Test
    void saysTheServerIsOpenAndTheCallerAnonymous() {
        client.get().uri("/api/chat/access").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.mode").isEqualTo("open").jsonPath("$.principal").isEqualTo("anonymous")
                .jsonPath("$.max_question_bytes").isEqualTo(64);
    }
}
