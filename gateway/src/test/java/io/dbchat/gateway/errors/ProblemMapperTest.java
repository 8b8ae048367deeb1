package io.dbchat.gateway.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.gateway.replies.UnknownQueryException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

class ProblemMapperTest {

    @Test
    void hidesTheDetailsOfAnUnexpectedFailureBehindA500() {
        ProblemException mapped = ProblemMapper.map(new IllegalStateException("password=hunter2 at Foo.java:12"), "GET", "/x");

        assertThat(mapped.status()).isEqualTo(500);
        assertThat(mapped.problem().code()).isEqualTo("internal");
        assertThat(mapped.problem().message()).doesNotContain("hunter2").doesNotContain("Foo");
    }

    @Test
    void keepsAProblemExceptionAsItIs() {
        var problem = new ProblemException(502, new Problem("sql_failed", "boom"));

        assertThat(ProblemMapper.map(problem, "POST", "/x")).isSameAs(problem);
    }

    @Test
    void mapsAnUnreadableBodyTo400WithoutTheParsersWords() {
        var error = new ServerWebInputException("Failed to read HTTP message", null, new DecodingException("JSON decoding error: Unexpected end-of-input"));

        ProblemException mapped = ProblemMapper.map(error, "POST", "/api/chat/query/");

        assertThat(mapped.status()).isEqualTo(400);
        assertThat(mapped.problem()).isEqualTo(ErrorCode.INVALID_REQUEST.problem("The request body is not valid JSON of the expected shape."));
    }

    @Test
    void mapsAnOversizedBodyTo413() {
        ProblemException mapped = ProblemMapper.map(new DataBufferLimitException("Exceeded limit on max bytes"), "POST", "/x");

        assertThat(mapped.status()).isEqualTo(413);
        assertThat(mapped.problem().code()).isEqualTo("payload_too_large");
    }

    @Test
    void mapsRoutingFailuresToTheirStatusWithAProblem() {
        assertThat(ProblemMapper.map(new ResponseStatusException(HttpStatus.NOT_FOUND), "GET", "/nope").problem())
                .isEqualTo(ErrorCode.NOT_FOUND.problem("No such resource: GET /nope."));
        ProblemException notAllowed = ProblemMapper.map(new MethodNotAllowedException(HttpMethod.DELETE, Set.of(HttpMethod.POST)), "DELETE", "/q");
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.problem().message()).contains("POST");
        assertThat(notAllowed.headers().getAllow()).containsExactly(HttpMethod.POST);
    }

    @Test
    void mapsAQueryForgottenMeanwhileTo404() {
        ProblemException mapped = ProblemMapper.map(new UnknownQueryException("q-1"), "GET", "/x");

        assertThat(mapped.status()).isEqualTo(404);
        assertThat(mapped.problem()).isEqualTo(ErrorCode.NOT_FOUND.problem("Unknown query q-1."));
    }
}
