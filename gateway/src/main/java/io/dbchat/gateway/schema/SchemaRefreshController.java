package io.dbchat.gateway.schema;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.SchemaRefreshRequested;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.security.DatasourcePolicy;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/chat/schema/refresh}: asks the schema publisher to read the default datasource's catalog
 * (or {@code ?datasource=}'s) now; 202 once the request is on its topic. The new snapshot, if the catalog
 * changed, shows in schema-info moments later. 404 for an unknown datasource, 403 for one the caller may not ask.
 */
@RestController
class SchemaRefreshController {

    private final SchemaRefresher refresher;
    private final SchemaSource schemas;
    private final DatasourcesProperties datasources;
    private final PrincipalResolver principals;
    private final DatasourcePolicy policy;
    private final Clock clock;

    SchemaRefreshController(SchemaRefresher refresher, SchemaSource schemas, DatasourcesProperties datasources,
                            PrincipalResolver principals, DatasourcePolicy policy, Clock clock) {
        this.refresher = refresher;
        this.schemas = schemas;
        this.datasources = datasources;
        this.principals = principals;
        this.policy = policy;
        this.clock = clock;
    }

    @PostMapping({"/api/chat/schema/refresh", "/api/chat/schema/refresh/"})
    Mono<ResponseEntity<Map<String, String>>> refresh(@RequestParam(name = "datasource", required = false) String datasource,
                                                      ServerWebExchange exchange) {
        String name = datasource == null || datasource.isBlank() ? datasources.defaultName() : datasource;
        return principals.resolve(exchange).flatMap(principal -> {
            policy.check(principal, name);
            if (!isKnown(name)) {
                return Mono.error(ProblemException.of(ErrorCode.NOT_FOUND, "Unknown datasource '" + name + "'."));
            }
            var request = SchemaRefreshRequested.of(name, principal, clock.instant());
            return refresher.request(request).thenReturn(ResponseEntity.accepted()
                    .body(Map.of("datasource", name, "requested_at", request.at().toString())));
        });
    }

    private boolean isKnown(String name) {
        return name.equals(datasources.defaultName()) || datasources.find(name).isPresent()
                || schemas.latest(name).isPresent();
    }
}
