package io.dbchat.contracts.cancel;

import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Cancelled queries in a stage: {@link #install} adds a changelogged store of the query ids read from the
 * {@code cancellations} topic (co-partitioned with the pipeline topics: keyed by conversation id), and
 * {@link #dropCancelled} put in front of a stage's work drops every record of a cancelled query, whichever
 * of the two arrives first. Work already under way in the task that reads a cancellation ({@link RunningWork}: the
 * stage's async processor, a model call or a statement) is told to stop at once. Entries leave the store
 * {@link #KEEP} after the cancellation (stream time).
 */
public final class Cancellations {

    public static final String STORE = "cancelled-queries";
    /** How long a cancelled id is remembered: longer than any query is worked on. */
    public static final Duration KEEP = Duration.ofHours(24);
    private static final Duration SWEEP = Duration.ofMinutes(10);

    /**
     * A stage's work under way for a query, stopped in the task that read the query's cancellation (which holds
     * it: both are keyed by the conversation, {@code key}), on that task's thread.
     */
    @FunctionalInterface
    public interface RunningWork {

        void stop(TaskId task, String key, String queryId);
    }

    private Cancellations() {
    }

    /**
     * Adds the store and the stream filling it, telling {@code running} of each cancellation; returns the
     * cancellations read, after they are stored.
     */
    public static KStream<String, QueryCancelled> install(StreamsBuilder builder, Topics topics, RunningWork... running) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long()));
        List<RunningWork> stoppers = List.of(running);
        return builder.stream(topics.cancellations().name(), topics.cancellations().consumed())
                .filter((key, cancelled) -> cancelled != null && cancelled.queryId() != null, Named.as("cancellation-valid"))
                .processValues(() -> new Recorder(stoppers), Named.as("cancellation-record"), STORE);
    }

    /** Forwards only the records whose query was not cancelled; the stream must be co-partitioned with cancellations. */
    public static <V> KStream<String, V> dropCancelled(KStream<String, V> stream, Function<V, String> queryId, String name) {
        return stream.processValues(() -> new Filter<>(queryId), Named.as(name), STORE);
    }

    /** Stores each cancellation, stops the work under way and forwards it; sweeps entries older than {@link #KEEP}. */
    private static final class Recorder implements FixedKeyProcessor<String, QueryCancelled, QueryCancelled> {

        private final List<RunningWork> running;
        private FixedKeyProcessorContext<String, QueryCancelled> context;
        private KeyValueStore<String, Long> cancelled;

        Recorder(List<RunningWork> running) {
            this.running = running;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, QueryCancelled> context) {
            this.context = context;
            this.cancelled = context.getStateStore(STORE);
            context.schedule(SWEEP, PunctuationType.STREAM_TIME, this::sweep);
        }

        @Override
        public void process(FixedKeyRecord<String, QueryCancelled> record) {
            QueryCancelled value = record.value();
            cancelled.put(value.queryId(), record.timestamp());
            String key = record.key() != null ? record.key() : value.conversationId();
            running.forEach(work -> work.stop(context.taskId(), key, value.queryId()));
            context.forward(record);
        }

        private void sweep(long streamTime) {
            long before = streamTime - KEEP.toMillis();
            try (var all = cancelled.all()) {
                List<String> old = new ArrayList<>();
                all.forEachRemaining((KeyValue<String, Long> e) -> {
                    if (e.value < before) {
                        old.add(e.key);
                    }
                });
                old.forEach(cancelled::delete);
            }
        }
    }

    private static final class Filter<V> implements FixedKeyProcessor<String, V, V> {

        private final Function<V, String> queryId;
        private FixedKeyProcessorContext<String, V> context;
        private KeyValueStore<String, Long> cancelled;

        Filter(Function<V, String> queryId) {
            this.queryId = queryId;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, V> context) {
            this.context = context;
            this.cancelled = context.getStateStore(STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, V> record) {
            String id = record.value() == null ? null : queryId.apply(record.value());
            if (id == null || cancelled.get(id) == null) {
                context.forward(record);
            }
        }
    }
}
