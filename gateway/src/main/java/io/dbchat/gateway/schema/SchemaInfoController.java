package io.dbchat.gateway.schema;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.schema.SchemaText;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.security.PrincipalAttributes;
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
 * ask is 403. It shows what the caller's access policies let it see.
 */
@RestController
class SchemaInfoController {

    private final SchemaLookup lookup;
    private final PrincipalResolver principals;
    private final PrincipalAttributes attributes;

    SchemaInfoController(SchemaLookup lookup, PrincipalResolver principals, PrincipalAttributes attributes) {
        this.lookup = lookup;
        this.principals = principals;
        this.attributes = attributes;
    }

    @GetMapping({"/api/chat/schema-info/", "/api/chat/schema-info"})
    Mono<ResponseEntity<?>> schemaInfo(@RequestParam(name = "datasource", required = false) String datasource,
                                       @RequestParam(name = "format", required = false) String format,
                                       ServerWebExchange exchange) {
        if (format != null && !format.equals("json") && !format.equals("text")) {
            return Mono.error(ProblemException.of(ErrorCode.INVALID_REQUEST,
                    "Unknown format '" + format + "': use json or text."));
        }
        return principals.resolve(exchange).flatMap(principal -> attributes.of(principal, exchange.getPrincipal())
                .map(attrs -> {
                    SchemaSnapshot snapshot = lookup.require(principal, datasource, attrs);
                    return "text".equals(format) ? asText(snapshot) : ResponseEntity.ok(SchemaInfo.of(snapshot));
                }));
    }

    private static ResponseEntity<?> asText(SchemaSnapshot snapshot) {
        String text = SchemaText.render(snapshot);
        String head = "-- " + snapshot.datasource() + " (version " + snapshot.version() + "): "
                + SchemaText.chars(text) + " characters, about " + SchemaText.approxTokens(text) + " tokens\n";
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(head + text);
    }
}
