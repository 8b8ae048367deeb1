package io.dbchat.gateway.schema;

import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.Optional;

/** The latest schema snapshot the gateway has seen of each datasource. */
public interface SchemaSource {

    Optional<SchemaSnapshot> latest(String datasource);
}
