package io.dbchat.gateway.explain;

import io.dbchat.gateway.WebSliceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code POST /api/sql/explain}: a reading of a query in words, no model involved; bad SQL is a 400 with a message. */
class SqlExplainControllerTest extends WebSliceTest {

    @Test
    void explainsAQueryInPlainLanguage() {
        client.post().uri("/api/sql/explain").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sql", "SELECT status, count(*) AS count FROM projects GROUP BY status ORDER BY count DESC"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.summary").isEqualTo("It reads the table projects. It groups them by status. "
                        + "It computes the number of rows as count. It orders the result by count (highest first).")
                .jsonPath("$.tables[0]").isEqualTo("projects")
                .jsonPath("$.grouping[0]").isEqualTo("status")
                .jsonPath("$.limit").doesNotExist();
    }

    @Test
    void refusesSqlItCannotReadWith400AndAMessage() {
        client.post().uri("/api/sql/explain").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sql", "SELECT FROM WHERE"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("invalid_request")
                .jsonPath("$.message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .startsWith("The SQL could not be read"));
        client.post().uri("/api/sql/explain").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("sql", ""))
                .exchange().expectStatus().isBadRequest();
        client.post().uri("/api/sql/explain").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("sql", "UPDATE users SET a = 1"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("Only a query (SELECT) can be explained; this is an UPDATE statement.");
    }
}
