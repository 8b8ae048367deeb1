package io.dbchat.executor.stage;

import io.dbchat.contracts.async.AsyncProcessorSupplier;
import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.TraceHop;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The executor topology: each SqlProposed, joined with its datasource's schema snapshot (a GlobalKTable), is
 * checked by the {@link QueryHandler} on the stream thread; what passes runs through an async processor, so a
 * slow query holds up neither the stream thread nor other conversations. STATUS replies, results and
 * failures go to their topics, keyed by conversation id.
 */
public final class ExecutorTopology {

    static final String SCHEMA_STORE = "executor-schema-snapshots";
    static final String PENDING_STORE = "executor-pending";

    private ExecutorTopology() {
    }

    /** Adds the stage to {@code builder}; returns the number of queries running, for monitoring. */
    public static IntSupplier build(StreamsBuilder builder, Topics topics, QueryHandler handler, AsyncSettings async) {
        GlobalKTable<String, SchemaSnapshot> schemas = builder.globalTable(topics.schema().name(),
                topics.schema().consumed(),
                Materialized.<String, SchemaSnapshot, KeyValueStore<Bytes, byte[]>>as(SCHEMA_STORE)
                        .withKeySerde(topics.schema().key()).withValueSerde(topics.schema().value()));
        KStream<String, Object> checked = builder.stream(topics.sql().name(), topics.sql().consumed())
                .processValues(TraceHop.at("executor check and run", SqlProposed::queryId), Named.as("trace-proposal"))
                .leftJoin(schemas, (key, proposal) -> proposal.question().datasource(), Proposal::new)
                .flatMap((key, p) -> keyed(p.proposal(), handler.check(p.proposal(), p.schema())));
        route(checked, topics.replies(), ReplyEvent.class);
        route(checked, topics.results(), QueryResult.class);
        route(checked, topics.sqlFailures(), SqlFailed.class);
        var running = new AsyncProcessorSupplier<>(PENDING_STORE, Execution.class, handler::run, Execution::id,
                handler::outcome, handler::failure, async);
        KStream<String, Object> ran = checked.filter((k, v) -> v instanceof Execution)
                .mapValues(v -> (Execution) v)
                .process(running);
        route(ran, topics.results(), QueryResult.class);
        route(ran, topics.sqlFailures(), SqlFailed.class);
        return running::inFlight;
    }

    /** The snapshot the running topology holds for a datasource, or null (none yet, or the store not ready). */
    public static SchemaSnapshot storedSnapshot(KafkaStreams streams, String datasource) {
        if (streams == null || datasource == null) {
            return null;
        }
        try {
            ReadOnlyKeyValueStore<String, SchemaSnapshot> store = streams.store(StoreQueryParameters.fromNameAndType(
                    SCHEMA_STORE, QueryableStoreTypes.<String, SchemaSnapshot>keyValueStore()));
            return store.get(datasource);
        } catch (InvalidStateStoreException e) {
            return null;
        }
    }

    private static List<KeyValue<String, Object>> keyed(SqlProposed proposal, List<Object> events) {
        String conversation = proposal.question().conversationId();
        return events.stream().map(e -> KeyValue.pair(conversation, e)).toList();
    }

    private static <V> void route(KStream<String, Object> events, Topic<String, V> topic, Class<V> type) {
        events.filter((k, v) -> type.isInstance(v))
                .mapValues(type::cast)
                .to(topic.name(), topic.produced());
    }

    private record Proposal(SqlProposed proposal, SchemaSnapshot schema) {
    }
}
