package io.dbchat.gateway.schema;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.security.DatasourcePolicy;
import org.springframework.stereotype.Component;

/**
 * The latest snapshot of a datasource as a principal may see it: the default datasource when none is named,
 * a 403 for one the principal may not ask, a 404 for one neither configured nor published, and a 503 for a
 * known one whose schema has not been published yet.
 */
@Component
public class SchemaLookup {

    private final SchemaSource schemas;
    private final DatasourcesProperties datasources;
    private final DatasourcePolicy policy;

    SchemaLookup(SchemaSource schemas, DatasourcesProperties datasources, DatasourcePolicy policy) {
        this.schemas = schemas;
        this.datasources = datasources;
        this.policy = policy;
    }

    /** The datasource asked for, or the default one when {@code datasource} is null or blank. */
    public String nameOf(String datasource) {
        return datasource == null || datasource.isBlank() ? datasources.defaultName() : datasource;
    }

    public SchemaSnapshot require(String principal, String datasource) {
        String name = nameOf(datasource);
        policy.check(principal, name);
        return schemas.latest(name).orElseThrow(() -> missing(name));
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
