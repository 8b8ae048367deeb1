package io.dbchat.gateway.schema;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.contracts.schema.SchemaText;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.security.DatasourcePolicy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/chat/schema-info/}: the latest snapshot of the default datasource (or {@code ?datasource=}),
 * as JSON, or with {@code ?format=text} as the compact rendering a prompt holds, with its size. A datasource
 * neither configured nor published is 404; a known one without a snapshot yet is 503; one the caller may not
 * ask is 403.
 */
@RestController
class SchemaInfoController {

    private final SchemaSource schemas;
    private final DatasourcesProperties datasources;
    private final PrincipalResolver principals;
    private final DatasourcePolicy policy;

    SchemaInfoController(SchemaSource schemas, DatasourcesProperties datasources, PrincipalResolver principals,
                         DatasourcePolicy policy) {
        this.schemas = schemas;
        this.datasources = datasources;
        this.principals = principals;
        this.policy = policy;
    }

    @GetMapping({"/api/chat/schema-info/", "/api/chat/schema-info"})
    Mono<ResponseEntity<?>> schemaInfo(@RequestParam(name = "datasource", required = false) String datasource,
                                       @RequestParam(name = "format", required = false) String format,
                                       ServerWebExchange exchange) {
        String name = datasource == null || datasource.isBlank() ? datasources.defaultName() : datasource;
        if (format != null && !format.equals("json") && !format.equals("text")) {
            return Mono.error(ProblemException.of(ErrorCode.INVALID_REQUEST,
                    "Unknown format '" + format + "': use json or text."));
        }
        return principals.resolve(exchange).map(principal -> {
            policy.check(principal, name);
            SchemaSnapshot snapshot = schemas.latest(name).orElseThrow(() -> missing(name));
            return "text".equals(format) ? asText(snapshot) : ResponseEntity.ok(SchemaInfo.of(snapshot));
        });
    }

    private static ResponseEntity<?> asText(SchemaSnapshot snapshot) {
        String text = SchemaText.render(snapshot);
        String head = "-- " + snapshot.datasource() + " (version " + snapshot.version() + "): "
                + SchemaText.chars(text) + " characters, about " + SchemaText.approxTokens(text) + " tokens\n";
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(head + text);
    }

    private ProblemException missing(String name) {
        boolean configured = name.equals(datasources.defaultName()) || datasources.find(name).isPresent();
        if (!configured) {
            return ProblemException.of(ErrorCode.NOT_FOUND, "Unknown datasource '" + name + "'.");
        }
        return ProblemException.of(ErrorCode.UNAVAILABLE, "No schema of datasource '" + name
                + "' has been published yet; the schema publisher may still be reading it. Try again shortly.");
    }
}
