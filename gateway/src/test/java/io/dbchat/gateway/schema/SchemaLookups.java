package io.dbchat.gateway.schema;

import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.gateway.security.DatasourcePolicy;

/** A schema lookup outside a Spring context: the one default datasource, open to everyone, no access policies. */
public final class SchemaLookups {

    private SchemaLookups() {
    }

    public static SchemaLookup open(SchemaSource schemas) {
        return new SchemaLookup(schemas, new DatasourcesProperties(new DatasourceProperties(null,
                "postgresql://localhost/default", null, null), null), DatasourcePolicy.allowAll(), PolicyStore.none());
    }
}
