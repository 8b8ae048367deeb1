package io.dbchat.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.gateway.WebSliceTest;
import org.junit.jupiter.api.Test;

class SchemaRefreshControllerTest extends WebSliceTest {

    @Test
    void asksTheSchemaPublisherToRereadTheDefaultDatasource() {
        client.post().uri("/api/chat/schema/refresh")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.datasource").isEqualTo("default");

        assertThat(refresher.requests()).singleElement().satisfies(r -> {
            assertThat(r.datasource()).isEqualTo("default");
            assertThat(r.principal()).isEqualTo("anonymous");
        });
    }

    @Test
    void asksForANamedDatasource() {
        client.post().uri("/api/chat/schema/refresh?datasource=sales").exchange().expectStatus().isAccepted();

        assertThat(refresher.requests()).extracting(r -> r.datasource()).containsExactly("sales");
    }

    @Test
    void answersAnUnknownDatasourceWith404AndAsksNothing() {
        client.post().uri("/api/chat/schema/refresh?datasource=nowhere")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");

        assertThat(refresher.requests()).isEmpty();
    }
}
