package io.dbchat.schemapublisher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while any datasource's catalog cannot be read or published (with each reason), UNKNOWN until
 * every datasource has been read once, UP otherwise. Details show each datasource's version or reason.
 */
final class SchemaHealthIndicator implements HealthIndicator {

    private final List<String> datasources;
    private final DatasourceStatuses statuses;

    SchemaHealthIndicator(List<String> datasources, DatasourceStatuses statuses) {
        this.datasources = datasources;
        this.statuses = statuses;
    }

    @Override
    public Health health() {
        Map<String, DatasourceStatuses.Status> all = statuses.all();
        Map<String, Object> details = new LinkedHashMap<>();
        datasources.forEach(ds -> details.put(ds, describe(all.get(ds))));
        Health.Builder health = all.values().stream().anyMatch(s -> !s.up()) ? Health.down()
                : all.keySet().containsAll(datasources) ? Health.up() : Health.unknown();
        return health.withDetails(details).build();
    }

    private static Map<String, Object> describe(DatasourceStatuses.Status s) {
        if (s == null) {
            return Map.of("status", "not read yet");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", s.up() ? "UP" : "DOWN");
        out.put(s.up() ? "readAt" : "since", s.at().toString());
        if (s.version() != null) {
            out.put("version", s.version());
        }
        if (s.reason() != null) {
            out.put("reason", s.reason());
        }
        return out;
    }
}
