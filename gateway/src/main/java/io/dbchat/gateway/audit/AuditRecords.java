package io.dbchat.gateway.audit;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.gateway.errors.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The audit records this instance can answer for: lookups by query id from the global store, searches through the
 * {@link AuditIndex}. While the store is not queryable yet (the instance is starting) a lookup is a 503.
 */
public final class AuditRecords {

    /** A page of records and how many matched in all. */
    public record Results(List<AuditRecord> records, long total, int page, int size) {
    }

    private final Supplier<KafkaStreams> streams;
    private final AuditIndex index;
    private final Deserializer<AuditRecord> records;

    public AuditRecords(Supplier<KafkaStreams> streams, AuditIndex index, Topic<String, AuditRecord> audit) {
        this.streams = streams;
        this.index = index;
        this.records = audit.value().deserializer();
    }

    public Optional<AuditRecord> find(String queryId) {
        return Optional.ofNullable(decode(store().get(queryId)));
    }

    public Results search(AuditSearch search) {
        if (!index.isReady()) {
            throw starting();
        }
        AuditIndex.Page page = index.search(search);
        ReadOnlyKeyValueStore<String, byte[]> store = store();
        List<AuditRecord> found = page.queryIds().stream().map(id -> decode(store.get(id))).filter(r -> r != null)
                .toList();
        return new Results(found, page.total(), search.page(), search.size());
    }

    /** Fills the index from the store once, after the store was restored from the audit topic. */
    void rebuildIndex() {
        try (KeyValueIterator<String, byte[]> all = store().all()) {
            all.forEachRemaining(kv -> index.put(decode(kv.value)));
        }
        index.ready();
    }

    private AuditRecord decode(byte[] stored) {
        return stored == null ? null : records.deserialize(AuditTopology.STORE, stored);
    }

    private ReadOnlyKeyValueStore<String, byte[]> store() {
        KafkaStreams kafkaStreams = streams.get();
        if (kafkaStreams == null) {
            throw starting();
        }
        try {
            return kafkaStreams.store(StoreQueryParameters.fromNameAndType(AuditTopology.STORE,
                    QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw starting();
        }
    }

    private static ProblemException starting() {
        return ProblemException.of(ErrorCode.UNAVAILABLE, "The audit is still being read; try again shortly.");
    }
}
