package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.kafka.TopicWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link KnowledgeBase} over the instance's global store ({@link KnowledgeTopology}) and a writer of the knowledge
 * topic. A write completes once the store holds what was written, so that the writer's next read sees it; while the
 * store is not queryable yet (the instance is starting) a read is a 503.
 */
final class StreamsKnowledge implements KnowledgeBase {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Supplier<KafkaStreams> streams;
    private final TopicWriter<KnowledgeEntry> writer;
    private final Duration visibilityTimeout;

    StreamsKnowledge(Supplier<KafkaStreams> streams, TopicWriter<KnowledgeEntry> writer, Duration visibilityTimeout) {
        this.streams = streams;
        this.writer = writer;
        this.visibilityTimeout = visibilityTimeout;
    }

    @Override
    public List<KnowledgeEntry> entries(String datasource) {
        List<KnowledgeEntry> out = new ArrayList<>();
        try (KeyValueIterator<String, KnowledgeEntry> all = store().prefixScan(datasource + "/", new StringSerializer())) {
            all.forEachRemaining(kv -> {
                if (kv.value != null && datasource.equals(kv.value.datasource())) {
                    out.add(kv.value);
                }
            });
        }
        return out;
    }

    @Override
    public Optional<KnowledgeEntry> find(String datasource, String id) {
        return Optional.ofNullable(store().get(KnowledgeEntry.key(datasource, id)));
    }

    @Override
    public Mono<Void> save(KnowledgeEntry entry) {
        return writer.send(entry.key(), entry).then(visible(() -> readable(entry.datasource(), entry.id())
                .filter(seen -> seen.revision() == entry.revision() && Objects.equals(seen.at(), entry.at()))
                .isPresent()));
    }

    @Override
    public Mono<Void> delete(String datasource, String id) {
        return writer.send(KnowledgeEntry.key(datasource, id), null)
                .then(visible(() -> readable(datasource, id).isEmpty()));
    }

    /** Completes when {@code seen} holds, or after the visibility timeout: the write is on the topic either way. */
    private Mono<Void> visible(BooleanSupplier seen) {
        return Flux.interval(Duration.ZERO, POLL).filter(tick -> seen.getAsBoolean()).next()
                .timeout(visibilityTimeout, Mono.empty()).then();
    }

    private Optional<KnowledgeEntry> readable(String datasource, String id) {
        try {
            return find(datasource, id);
        } catch (ProblemException starting) {
            return Optional.empty();
        }
    }

    private ReadOnlyKeyValueStore<String, KnowledgeEntry> store() {
        KafkaStreams kafkaStreams = streams.get();
        if (kafkaStreams == null) {
            throw starting();
        }
        try {
            return kafkaStreams.store(StoreQueryParameters.fromNameAndType(KnowledgeTopology.STORE,
                    QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw starting();
        }
    }

    private static ProblemException starting() {
        return ProblemException.of(ErrorCode.UNAVAILABLE, "The knowledge is still being read; try again shortly.");
    }
}
