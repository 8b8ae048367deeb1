package io.dbchat.schemapublisher;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last known state of each datasource's catalog read: UP with its version, or DOWN with the reason. */
final class DatasourceStatuses {

    /** One datasource's state since {@code at}; {@code version} is the last one read, kept while DOWN. */
    record Status(boolean up, String version, String reason, Instant at) {
    }

    private final Map<String, Status> statuses = new ConcurrentHashMap<>();

    void up(String datasource, String version, Instant at) {
        statuses.put(datasource, new Status(true, version, null, at));
    }

    void down(String datasource, String reason, Instant at) {
        statuses.compute(datasource, (k, old) -> old == null ? new Status(false, null, reason, at)
                : new Status(false, old.version(), reason, old.up() ? at : old.at()));
    }

    Map<String, Status> all() {
        return Map.copyOf(statuses);
    }
}
