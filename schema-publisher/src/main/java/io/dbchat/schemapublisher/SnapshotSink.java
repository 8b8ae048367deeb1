package io.dbchat.schemapublisher;

import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.Map;

/** Where snapshots go: the compacted schema topic, keyed by datasource. */
interface SnapshotSink extends AutoCloseable {

    /** Sends the snapshot and returns once the broker has acknowledged it. */
    void publish(SchemaSnapshot snapshot) throws Exception;

    /** The version last published for each datasource, as the topic holds it now. */
    Map<String, String> publishedVersions() throws Exception;

    @Override
    void close();
}
