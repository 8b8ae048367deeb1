package io.dbchat.gateway.query;

import io.dbchat.gateway.WebSliceTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * An unknown query id is a 404 as soon as nothing can still be on its way: with no feed from other instances
 * (or one that has caught up) the long grace below is never waited for.
 */
@TestPropertySource(properties = "dbchat.gateway.unknown-query-grace=10m")
class UnknownQueryTest extends WebSliceTest {

    @Test
    void answersAnUnknownQueryWith404WithoutWaitingForTheGrace() {
        var impatient = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();

        impatient.get().uri("/api/chat/queries/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("not_found");
        impatient.get().uri("/api/chat/queries/{id}/events", UUID.randomUUID()).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isNotFound();
        impatient.post().uri("/api/chat/queries/{id}/cancel", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }
}
