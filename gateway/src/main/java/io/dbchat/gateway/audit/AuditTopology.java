package io.dbchat.gateway.audit;

import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The audit: the questions, sql, sql.failures, results and replies topics (replies without their tokens) folded by
 * {@link AuditFold} into one {@link AuditRecord} per query ({@link AuditFolder}; the topics are all keyed by
 * conversation id, so a query's records meet in one task without a repartition), written to the compacted audit topic
 * keyed by query id; and that topic read whole into a global RocksDB store on every instance
 * ({@link AuditStoreUpdater}, the records kept as the topic's bytes), so any instance answers a lookup.
 */
public final class AuditTopology {

    /** The global store of audit records by query id, as the audit topic's bytes. */
    public static final String STORE = "audit-records-global";
    /** The records being folded, by query id, in the task that reads their query's conversation. */
    static final String FOLD = "audit-fold";

    private AuditTopology() {
    }

    public static StreamsBuilder build(StreamsBuilder b, Topics t, Topic<String, AuditRecord> audit, AuditIndex index) {
        // cached: the records of a query folded between two commits reach the changelog as one
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FOLD), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled());
        AuditReader reader = new AuditReader(t);
        List<String> pipeline = List.of(t.questions().name(), t.sql().name(), t.sqlFailures().name(),
                t.results().name(), t.replies().name());
        b.stream(pipeline, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new AuditFolder(reader, audit), FOLD)
                .to(audit.name(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        b.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), audit.key(),
                        Serdes.ByteArray()).withLoggingDisabled(),
                audit.name(), Consumed.with(audit.key(), Serdes.ByteArray()), () -> new AuditStoreUpdater(index, audit));
        return b;
    }
}
