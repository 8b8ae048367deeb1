package io.dbchat.gateway.audit;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global audit store and the instance's {@link AuditIndex} in step with the audit topic. */
final class AuditStoreUpdater implements Processor<String, AuditRecord, Void, Void> {

    private final AuditIndex index;
    private KeyValueStore<String, AuditRecord> store;

    AuditStoreUpdater(AuditIndex index) {
        this.index = index;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(AuditTopology.STORE);
    }

    @Override
    public void process(Record<String, AuditRecord> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            index.remove(record.key());
        } else {
            store.put(record.key(), record.value());
            index.put(record.value());
        }
    }
}
