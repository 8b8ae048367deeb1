package io.dbchat.executor.stage;

import io.dbchat.contracts.async.AsyncProcessorSupplier;
import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.cancel.Cancellations;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.serde.RememberingSerde;
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
import org.apache.kafka.streams.kstream.Consumed;
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
 * failures go to their topics, keyed by conversation id, routed from the sealed {@link Checked} and {@link Ran}
 * by exhaustive switches.
 */
public final class ExecutorTopology {

    static final String SCHEMA_STORE = "executor-schema-snapshots";
    static final String PENDING_STORE = "executor-pending";

    private ExecutorTopology() {
    }

    /** Adds the stage to {@code builder}; returns the number of queries running, for monitoring. */
    public static IntSupplier build(StreamsBuilder builder, Topics topics, QueryHandler handler, AsyncSettings async) {
        // every proposal looks its schema up here: an unchanged snapshot is compared, not parsed again
        var snapshots = RememberingSerde.perDatasource(topics.schema().value());
        GlobalKTable<String, SchemaSnapshot> schemas = builder.globalTable(topics.schema().name(),
                Consumed.with(topics.schema().key(), snapshots),
                Materialized.<String, SchemaSnapshot, KeyValueStore<Bytes, byte[]>>as(SCHEMA_STORE)
                        .withKeySerde(topics.schema().key()).withValueSerde(snapshots));
        var running = new AsyncProcessorSupplier<>(PENDING_STORE, Execution.class, handler::run, Execution::id,
                e -> e.proposal().queryId(), handler::outcome, handler::failure, async);
        // a cancelled query's SQL is dropped here, whichever of it and the cancellation comes first; a statement
        // already running is cancelled (its subscription disposed, and PostgreSQL sent a cancel request)
        Cancellations.install(builder, topics, running::stop);
        KStream<String, Checked> checked = Cancellations.dropCancelled(builder.stream(topics.sql().name(), topics.sql().consumed())
                        .processValues(TraceHop.at("executor check and run", SqlProposed::queryId), Named.as("trace-proposal")),
                        SqlProposed::queryId, "drop-cancelled-proposal")
                .leftJoin(schemas, (key, proposal) -> proposal.question().datasource(), Proposal::new)
                .flatMap((key, p) -> keyed(p.proposal(), handler.check(p.proposal(), p.schema())));
        checked.flatMapValues(ExecutorTopology::statuses, Named.as("checked-status"))
                .to(topics.replies().name(), topics.replies().produced());
        checked.flatMapValues(ExecutorTopology::refusals, Named.as("checked-refused"))
                .to(topics.results().name(), topics.results().produced());
        checked.flatMapValues(ExecutorTopology::correctable, Named.as("checked-correctable"))
                .to(topics.sqlFailures().name(), topics.sqlFailures().produced());
        KStream<String, Ran> ran = checked.flatMapValues(ExecutorTopology::executions, Named.as("checked-run"))
                .process(running);
        ran.flatMapValues(ExecutorTopology::results, Named.as("ran-result"))
                .to(topics.results().name(), topics.results().produced());
        ran.flatMapValues(ExecutorTopology::failures, Named.as("ran-failed"))
                .to(topics.sqlFailures().name(), topics.sqlFailures().produced());
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

    private static List<KeyValue<String, Checked>> keyed(SqlProposed proposal, List<Checked> events) {
        String conversation = proposal.question().conversationId();
        return events.stream().map(e -> KeyValue.pair(conversation, e)).toList();
    }

    private static List<ReplyEvent> statuses(Checked checked) {
        return switch (checked) {
            case Checked.Status s -> List.of(s.reply());
            case Checked.Refused _, Checked.Correctable _, Execution _ -> List.of();
        };
    }

    private static List<SqlFailed> correctable(Checked checked) {
        return switch (checked) {
            case Checked.Correctable c -> List.of(c.failure());
            case Checked.Status _, Checked.Refused _, Execution _ -> List.of();
        };
    }

    private static List<QueryResult> refusals(Checked checked) {
        return switch (checked) {
            case Checked.Refused r -> List.of(r.rejected());
            case Checked.Status _, Checked.Correctable _, Execution _ -> List.of();
        };
    }

    private static List<Execution> executions(Checked checked) {
        return switch (checked) {
            case Execution e -> List.of(e);
            case Checked.Status _, Checked.Refused _, Checked.Correctable _ -> List.of();
        };
    }

    private static List<QueryResult> results(Ran ran) {
        return switch (ran) {
            case Ran.Result r -> List.of(r.result());
            case Ran.Failed _ -> List.of();
        };
    }

    private static List<SqlFailed> failures(Ran ran) {
        return switch (ran) {
            case Ran.Failed f -> List.of(f.failure());
            case Ran.Result _ -> List.of();
        };
    }

    private record Proposal(SqlProposed proposal, SchemaSnapshot schema) {
    }
}
