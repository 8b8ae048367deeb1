package io.dbchat.schemapublisher;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.schemapublisher.catalog.CatalogConnections;
import io.dbchat.schemapublisher.catalog.CatalogReader;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a datasource's catalog and publishes its snapshot when the content hash differs from the
 * version last published for that datasource (learnt from the topic on first use). Every outcome is
 * recorded in {@link DatasourceStatuses} for health. Safe to call from several threads.
 */
public class SchemaPublisher {

    private static final Logger log = LoggerFactory.getLogger(SchemaPublisher.class);

    private final DatasourcesProperties datasources;
    private final CatalogConnections connections;
    private final CatalogReader reader;
    private final SnapshotSink sink;
    private final DatasourceStatuses statuses;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private Map<String, String> published;

    SchemaPublisher(DatasourcesProperties datasources, CatalogConnections connections, CatalogReader reader,
                    SnapshotSink sink, DatasourceStatuses statuses, Clock clock) {
        this.datasources = datasources;
        this.connections = connections;
        this.reader = reader;
        this.sink = sink;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** What a refresh did: the snapshot read, and whether it was new and so published. */
    public record Refreshed(SchemaSnapshot snapshot, boolean published) {
    }

    /** The names of the configured datasources, the default first. */
    public List<String> datasources() {
        return datasources.all().stream().map(DatasourceProperties::name).toList();
    }

    /**
     * Reads the catalog of {@code datasource} now and publishes it if it changed.
     *
     * @throws IllegalArgumentException if no such datasource is configured
     * @throws SchemaRefreshException if the database or the broker cannot be reached
     */
    public Refreshed refresh(String datasource) {
        DatasourceProperties ds = datasources.find(datasource)
                .orElseThrow(() -> new IllegalArgumentException("No datasource named " + datasource + "; known: " + datasources()));
        // One read of a datasource at a time (a scheduled one and an on-demand one), datasources in parallel.
        synchronized (locks.computeIfAbsent(datasource, k -> new Object())) {
            return refresh(ds);
        }
    }

    private Refreshed refresh(DatasourceProperties ds) {
        String datasource = ds.name();
        try {
            SchemaSnapshot snapshot = read(ds);
            boolean isNew = !snapshot.version().equals(published().get(datasource));
            if (isNew) {
                sink.publish(snapshot);
                published().put(datasource, snapshot.version());
                log.info("Published schema of {}: {} tables, version {}", datasource, snapshot.tables().size(), snapshot.version());
            }
            statuses.up(datasource, snapshot.version(), snapshot.readAt());
            return new Refreshed(snapshot, isNew);
        } catch (Exception e) {
            statuses.down(datasource, reason(e), clock.instant());
            throw new SchemaRefreshException(datasource, reason(e), e);
        }
    }

    private SchemaSnapshot read(DatasourceProperties ds) throws Exception {
        try (Connection db = connections.open(ds)) {
            List<TableSchema> tables = reader.read(db);
            return new SchemaSnapshot(SchemaSnapshot.VERSION, ds.name(), SnapshotVersion.of(tables), clock.instant(), tables);
        }
    }

    /** What the topic held when first needed; from then on this instance's own record of what it sent. */
    private synchronized Map<String, String> published() throws Exception {
        if (published == null) {
            published = new ConcurrentHashMap<>(sink.publishedVersions());
        }
        return published;
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
