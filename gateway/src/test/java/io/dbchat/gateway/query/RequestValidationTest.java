package io.dbchat.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.gateway.WebSliceTest;
import org.assertj.core.api.AbstractStringAssert;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A client's mistake is a 4xx with a Problem body, never a stack trace, and nothing reaches the pipeline. */
class RequestValidationTest extends WebSliceTest {

    @Test
    void rejectsEmptyQuestionWith400() {
        expectProblem(post("/api/chat/query/", "{\"query\": \"   \"}"), 400, "invalid_request")
                .contains("'query'");
    }

    @Test
    void rejectsMissingQuestionWith400() {
        expectProblem(post("/api/chat/queries", "{\"conversation_id\": \"c\"}"), 400, "invalid_request");
    }

    @Test
    void rejectsMissingBodyWith400() {
        expectProblem(client.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON).exchange(),
                400, "invalid_request");
    }

    @Test
    void rejectsMalformedJsonWith400() {
        expectProblem(post("/api/chat/query/", "{\"query\": "), 400, "invalid_request")
                .doesNotContain("Exception");
    }

    @Test
    void rejectsJsonOfTheWrongShapeWith400() {
        expectProblem(post("/api/chat/query/", "[1, 2]"), 400, "invalid_request");
    }

    @Test
    void rejectsAQuestionThatIsNotTextWith400NamingTheField() {
        for (String value : List.of("42", "4.2", "true", "[\"a\"]", "{\"text\": \"a\"}")) {
            expectProblem(post("/api/chat/queries", "{\"query\": " + value + "}"), 400, "invalid_request")
                    .contains("'query'");
            expectProblem(post("/api/chat/query/", "{\"query\": " + value + "}"), 400, "invalid_request");
        }
    }

    @Test
    void rejectsAFormEncodedBodyWith415NamingTheContentTypeExpected() {
        expectProblem(client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("query=How+many+orders%3F").exchange(), 415, "invalid_request")
                .contains("application/x-www-form-urlencoded").contains("Content-Type: application/json");
    }

    @Test
    void rejectsQuestionOverTheSizeLimitWith413() {
        String question = "é".repeat(40); // 80 bytes in UTF-8 against a limit of 64
        expectProblem(post("/api/chat/query/", "{\"query\": \"" + question + "\"}"), 413, "payload_too_large")
                .contains("80 bytes");
    }

    @Test
    void rejectsAnEmptyConversationIdWith400() {
        expectProblem(post("/api/chat/query/", "{\"query\": \"q\", \"conversation_id\": \"\"}"), 400, "invalid_request");
    }

    @Test
    void rejectsInvalidUtf8With400() {
        byte[] body = {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        expectProblem(client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange(), 400, "invalid_request");
    }

    @Test
    void rejectsABodyOverTheCodecLimitWith413() {
        String huge = "{\"query\": \"" + "x".repeat(400_000) + "\"}";
        expectProblem(post("/api/chat/queries", huge), 413, "payload_too_large");
    }

    @Test
    void rejectsUnsupportedContentTypeWith415() {
        expectProblem(client.post().uri("/api/chat/query/").contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange(),
                415, "invalid_request");
    }

    @Test
    void answersUnknownRoutesWith404Json() {
        expectProblem(client.get().uri("/api/nothing/here").exchange(), 404, "not_found")
                .contains("/api/nothing/here");
    }

    @Test
    void answersWrongMethodsWith405Json() {
        var response = client.delete().uri("/api/chat/query/").exchange();

        expectProblem(response.expectHeader().valueEquals("Allow", "POST"), 405, "invalid_request");
    }

    private WebTestClient.ResponseSpec post(String uri, String json) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private AbstractStringAssert<?> expectProblem(WebTestClient.ResponseSpec response,
                                                                       int status, String code) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body).containsOnlyKeys("code", "message").containsEntry("code", code);
        assertThat(pipeline.submitted()).isEmpty();
        return assertThat((String) body.get("message")).isNotBlank().doesNotContain("at io.").doesNotContain("at org.");
    }
}
