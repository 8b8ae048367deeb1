package io.dbchat.gateway.audit;

import io.dbchat.contracts.topics.Topic;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each pipeline record into its query's {@link AuditRecord} in the changelogged fold store (by query id) and
 * forwards the record's new bytes, keyed by query id, for the audit topic. Every pipeline topic is keyed by
 * conversation id with the same partitions, so all of a query's records reach the same task and no repartition is
 * needed. The record is encoded once, for the store and the topic alike; the latest records are also kept decoded
 * (a write-through copy of the store, emptied whenever the task is set up again), so a query's next record seldom
 * decodes it.
 */
final class AuditFolder implements Processor<String, byte[], String, byte[]> {

    private static final int KEPT_DECODED = 4_096;

    private final AuditReader reader;
    private final Topic<String, AuditRecord> audit;
    private final Map<String, AuditRecord> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AuditRecord> eldest) {
            return size() > KEPT_DECODED;
        }
    };
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;

    AuditFolder(AuditReader reader, Topic<String, AuditRecord> audit) {
        this.reader = reader;
        this.audit = audit;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(AuditTopology.FOLD);
        recent.clear();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        AuditEvent event = reader.read(topic, record.value(), Instant.ofEpochMilli(record.timestamp()));
        if (event == null || event.queryId() == null) {
            return;
        }
        String queryId = event.queryId();
        AuditRecord folded = AuditFold.apply(current(queryId), event);
        byte[] bytes = audit.value().serializer().serialize(audit.name(), folded);
        store.put(queryId, bytes);
        recent.put(queryId, folded);
        context.forward(record.withKey(queryId).withValue(bytes));
    }

    @Override
    public void close() {
        recent.clear();
    }

    private AuditRecord current(String queryId) {
        AuditRecord kept = recent.get(queryId);
        if (kept != null) {
            return kept;
        }
        byte[] stored = store.get(queryId);
        return stored == null ? null : audit.value().deserializer().deserialize(audit.name(), stored);
    }
}
