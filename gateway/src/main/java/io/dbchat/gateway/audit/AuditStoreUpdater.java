package io.dbchat.gateway.audit;

import io.dbchat.contracts.topics.Topic;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the global audit store and the instance's {@link AuditIndex} in step with the audit topic. */
final class AuditStoreUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(AuditStoreUpdater.class);

    private final AuditIndex index;
    private final Topic<String, AuditRecord> audit;
    private KeyValueStore<String, byte[]> store;

    AuditStoreUpdater(AuditIndex index, Topic<String, AuditRecord> audit) {
        this.index = index;
        this.audit = audit;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(AuditTopology.STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            index.remove(record.key());
        } else {
            AuditRecord decoded;
            try {
                decoded = AuditReader.forIndex(audit.name(), record.value());
            } catch (SerializationException e) {
                log.warn("Audit record {} left out: {}", record.key(), e.getMessage());
                return;
            }
            // the index needs the record decoded; the store keeps the bytes as they came
            index.put(decoded);
            store.put(record.key(), record.value());
        }
    }
}
