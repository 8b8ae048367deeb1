package io.dbchat.gateway.schema;

import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Latest snapshot per datasource, as read from the compacted schema topic; a tombstone removes one. */
public class SchemaCatalog implements SchemaSource {

    private final Map<String, SchemaSnapshot> latest = new ConcurrentHashMap<>();

    public void put(String datasource, SchemaSnapshot snapshot) {
        if (snapshot == null) {
            latest.remove(datasource);
        } else {
            latest.put(datasource, snapshot);
        }
    }

    @Override
    public Optional<SchemaSnapshot> latest(String datasource) {
        return Optional.ofNullable(latest.get(datasource));
    }
}
