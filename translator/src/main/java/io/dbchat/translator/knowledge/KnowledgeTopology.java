package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.serde.JsonSerde;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The translator's knowledge as parts of its topology. The knowledge topic and the cache topic are each read whole by
 * every instance into a global in-memory store whose processor keeps the instance's {@link KnowledgeView} and
 * {@link QueryCache} in step (a global store's records pass through its processor on restore too, so both are rebuilt
 * from the topics on start). The cache topic is written here: each answer worth caching ({@link CachedQuery#of}) from
 * {@code results}, and a tombstone for each answer marked wrong on {@code feedback}.
 */
public final class KnowledgeTopology {

    static final String KNOWLEDGE_STORE = "translator-knowledge";
    static final String CACHE_STORE = "translator-query-cache";

    private KnowledgeTopology() {
    }

    /** The translator's cache topic (compacted, keyed by query id). */
    public static Topic<String, CachedQuery> cacheTopic(String prefix) {
        return new Topic<>(prefix + "translator.cache", Serdes.String(), new JsonSerde<>(CachedQuery.class));
    }

    public static void install(StreamsBuilder builder, Topics topics, KnowledgeView knowledge) {
        Topic<String, KnowledgeEntry> t = topics.knowledge();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(KNOWLEDGE_STORE), t.key(), t.value())
                        .withLoggingDisabled(), t.name(), Consumed.with(t.key(), t.value()),
                () -> new Mirror<>(KNOWLEDGE_STORE, knowledge::apply));
    }

    public static void installCache(StreamsBuilder builder, Topics topics, Topic<String, CachedQuery> cache,
                                    QueryCache queries) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CACHE_STORE), cache.key(),
                        cache.value()).withLoggingDisabled(), cache.name(), Consumed.with(cache.key(), cache.value()),
                () -> new Mirror<>(CACHE_STORE, queries::apply));
        Produced<String, CachedQuery> produced = Produced.with(cache.key(), cache.value());
        builder.stream(topics.results().name(), topics.results().consumed())
                .filter((k, r) -> r instanceof QueryAnswered, Named.as("cache-answered"))
                .map((k, r) -> KeyValue.pair(((QueryAnswered) r).queryId(), CachedQuery.of((QueryAnswered) r, Instant.now())),
                        Named.as("cache-entry"))
                .filter((queryId, cached) -> cached != null, Named.as("cache-worth"))
                .to(cache.name(), produced);
        builder.stream(topics.feedback().name(), topics.feedback().consumed())
                .filter((k, f) -> f != null && f.queryId() != null && "wrong".equalsIgnoreCase(f.verdict()),
                        Named.as("cache-marked-wrong"))
                .map((k, f) -> KeyValue.<String, CachedQuery>pair(f.queryId(), null), Named.as("cache-forget"))
                .to(cache.name(), produced);
    }

    /** Keeps a global store and an in-memory view in step with a topic. */
    private static final class Mirror<V> implements Processor<String, V, Void, Void> {

        private final String storeName;
        private final BiConsumer<String, V> view;
        private KeyValueStore<String, V> store;

        Mirror(String storeName, BiConsumer<String, V> view) {
            this.storeName = storeName;
            this.view = view;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
            try (var all = store.all()) {
                all.forEachRemaining(kv -> view.accept(kv.key, kv.value));
            }
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
            view.accept(record.key(), record.value());
        }
    }
}
