package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.topics.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The compacted knowledge topic read whole into a global in-memory store on every gateway instance (a tombstone
 * removes its entry), so any instance answers every read. Knowledge is small: the store is read again from the topic
 * when the instance starts rather than kept on disk.
 */
public final class KnowledgeTopology {

    /** The global store of entries by {@link KnowledgeEntry#key()}. */
    public static final String STORE = "knowledge-global";

    private KnowledgeTopology() {
    }

    public static StreamsBuilder build(StreamsBuilder b, Topic<String, KnowledgeEntry> knowledge) {
        b.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), knowledge.key(),
                        knowledge.value()).withLoggingDisabled(),
                knowledge.name(), Consumed.with(knowledge.key(), knowledge.value()), Updater::new);
        return b;
    }

    /** Keeps the global store in step with the topic. */
    private static final class Updater implements Processor<String, KnowledgeEntry, Void, Void> {

        private KeyValueStore<String, KnowledgeEntry> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, KnowledgeEntry> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
