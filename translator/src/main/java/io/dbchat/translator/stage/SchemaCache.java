package io.dbchat.translator.stage;

import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The latest schema of each datasource, readable from call threads. Pending translations name their datasource
 * instead of carrying its schema, so the changelog of pending calls stays small even for a 500-table schema.
 * {@link Fill} fills it on the stream thread: from the global schema store when a task starts (before any pending
 * call is re-issued, which happens at the first punctuation) and from each request that passes.
 */
final class SchemaCache {

    private final Map<String, SchemaSnapshot> byDatasource = new ConcurrentHashMap<>();

    Optional<SchemaSnapshot> get(String datasource) {
        return Optional.ofNullable(byDatasource.get(datasource));
    }

    void put(SchemaSnapshot schema) {
        byDatasource.merge(schema.datasource(), schema, (old, latest) -> latest.readAt() == null || old.readAt() == null
                || !latest.readAt().isBefore(old.readAt()) ? latest : old);
    }

    /** Caches each request's schema and forwards the request without it. */
    static final class Fill implements Processor<String, io.dbchat.translator.TranslationRequest, String, PendingTranslation> {

        private final SchemaCache cache;
        private final String schemaStore;
        private ProcessorContext<String, PendingTranslation> context;

        Fill(SchemaCache cache, String schemaStore) {
            this.cache = cache;
            this.schemaStore = schemaStore;
        }

        @Override
        public void init(ProcessorContext<String, PendingTranslation> context) {
            this.context = context;
            KeyValueStore<String, Object> schemas = context.getStateStore(schemaStore);
            try (var all = schemas.all()) {
                all.forEachRemaining(kv -> {
                    Object value = kv.value instanceof ValueAndTimestamp<?> stamped ? stamped.value() : kv.value;
                    if (value instanceof SchemaSnapshot schema) {
                        cache.put(schema);
                    }
                });
            }
        }

        @Override
        public void process(Record<String, io.dbchat.translator.TranslationRequest> record) {
            cache.put(record.value().schema());
            context.forward(record.withValue(PendingTranslation.of(record.value())));
        }
    }
}
