package io.dbchat.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.gateway.Fixtures;
import io.dbchat.gateway.WebSliceTest;
import org.junit.jupiter.api.Test;

class SchemaInfoControllerTest extends WebSliceTest {

    @Test
    void servesTheLatestSnapshotOfTheDefaultDatasource() {
        schemas.put("default", Fixtures.schema("default"));

        client.get().uri("/api/chat/schema-info/")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.datasource").isEqualTo("default")
                .jsonPath("$.tables[1].name").isEqualTo("orders")
                .jsonPath("$.tables[1].primary_key[0]").isEqualTo("id")
                .jsonPath("$.tables[1].fields[2].name").isEqualTo("status")
                .jsonPath("$.tables[1].fields[2].nullable").isEqualTo(false)
                .jsonPath("$.tables[1].fields[2].comment").isEqualTo("Where the order is")
                .jsonPath("$.tables[1].fields[2].choices[1]").isEqualTo("Shipped")
                .jsonPath("$.tables[1].relationships[0].target_table").isEqualTo("public.customers")
                .jsonPath("$.tables[1].relationships[0].join")
                .isEqualTo("public.orders.customer_id = public.customers.id");
    }

    @Test
    void servesThePromptRenderingAsTextWithItsSize() {
        schemas.put("default", Fixtures.schema("default"));

        String text = client.get().uri("/api/chat/schema-info/?format=text")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/plain")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(text).startsWith("-- default (version ").contains("characters, about", "tokens")
                .contains("orders", "customers", "Shipped");
    }

    @Test
    void refusesAnUnknownFormatWith400() {
        client.get().uri("/api/chat/schema-info/?format=xml")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_request");
    }

    @Test
    void servesANamedDatasource() {
        schemas.put("sales", Fixtures.schema("sales"));

        client.get().uri("/api/chat/schema-info/?datasource=sales")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.datasource").isEqualTo("sales");
    }

    @Test
    void answersAnUnknownDatasourceWith404() {
        client.get().uri("/api/chat/schema-info/?datasource=nowhere")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
    }

    @Test
    void answersWith503WhileNoSnapshotHasArrived() {
        schemas.put("sales", null);

        client.get().uri("/api/chat/schema-info/?datasource=sales")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.code").isEqualTo("unavailable")
                .jsonPath("$.message").value(m -> assertThat((String) m)
                        .contains("has been published yet"));
    }
}
