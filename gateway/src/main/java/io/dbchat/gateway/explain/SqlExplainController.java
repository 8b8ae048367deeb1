package io.dbchat.gateway.explain;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.gateway.errors.ProblemException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/sql/explain} with {@code {"sql"}}: a plain-language reading of the query, or a 400 saying why not. */
@RestController
class SqlExplainController {

    /** Longer SQL is refused before parsing: the parser's time grows with it. */
    static final int MAX_SQL_BYTES = 16384;

    record ExplainRequest(String sql) {
    }

    @PostMapping("/api/sql/explain")
    Mono<SqlReading> explain(@RequestBody(required = false) ExplainRequest request) {
        if (request == null || request.sql() == null || request.sql().isBlank()) {
            return Mono.error(ProblemException.of(ErrorCode.INVALID_REQUEST, "The field 'sql' is required and must not be empty."));
        }
        int bytes = request.sql().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SQL_BYTES) {
            return Mono.error(ProblemException.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The SQL is " + bytes + " bytes long; at most " + MAX_SQL_BYTES + " bytes are accepted."));
        }
        // parsing is CPU work with no I/O: off the event loop, on the bounded pool
        return Mono.fromCallable(() -> SqlExplainer.explain(request.sql()))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(IllegalArgumentException.class, e -> ProblemException.of(ErrorCode.INVALID_REQUEST, e.getMessage()));
    }
}
