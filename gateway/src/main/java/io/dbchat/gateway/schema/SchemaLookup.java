package io.dbchat.gateway.schema;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.contracts.policy.PolicySubject;
import io.dbchat.contracts.policy.SchemaView;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.security.DatasourcePolicy;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The latest snapshot of a datasource as a principal may see it: the default datasource when none is named,
 * a 403 for one the principal may not ask, a 404 for one neither configured nor published, and a 503 for a
 * known one whose schema has not been published yet. What it shows follows the principal's access policies
 * ({@link SchemaView}): no column it may not read, no sampled value or row estimate of a table with a row filter.
 */
@Component
public class SchemaLookup {

    private final SchemaSource schemas;
    private final DatasourcesProperties datasources;
    private final DatasourcePolicy policy;
    private final PolicyStore policies;

    SchemaLookup(SchemaSource schemas, DatasourcesProperties datasources, DatasourcePolicy policy, PolicyStore policies) {
        this.schemas = schemas;
        this.datasources = datasources;
        this.policy = policy;
        this.policies = policies;
    }

    /** The datasource asked for, or the default one when {@code datasource} is null or blank. */
    public String nameOf(String datasource) {
        return datasource == null || datasource.isBlank() ? datasources.defaultName() : datasource;
    }

    /** As a principal with no attributes sees it (no role: the strictest view). */
    public SchemaSnapshot require(String principal, String datasource) {
        return require(principal, datasource, Map.of());
    }

    public SchemaSnapshot require(String principal, String datasource, Map<String, String> attributes) {
        String name = nameOf(datasource);
        policy.check(principal, name);
        SchemaSnapshot latest = schemas.latest(name).orElseThrow(() -> missing(name));
        return SchemaView.of(latest, policies.of(name), PolicySubject.of(attributes));
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
