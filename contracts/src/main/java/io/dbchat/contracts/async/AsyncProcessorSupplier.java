package io.dbchat.contracts.async;

import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.serde.JsonSerde;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.JavaType;

/**
 * Builds {@link AsyncProcessor}s that share one bound on calls in flight across all tasks of a stage,
 * with a changelogged store of pending calls named {@code storeName}.
 *
 * @param <I> a request, kept in the pending store until its call has finished
 * @param <R> what a call returns
 * @param <O> the records forwarded
 */
public final class AsyncProcessorSupplier<I, R, O> implements ProcessorSupplier<String, I, String, O> {

    private final String storeName;
    private final JavaType queueType;
    private final AsyncSettings settings;
    private final Semaphore inFlight;
    private final CallStops stops;
    private final Supplier<Processor<String, I, String, O>> processors;

    /**
     * Calls that report no partial output.
     *
     * @param idOf     a request's unique id (query id and attempt), used to drop a stale completion
     * @param queryOf  a request's query id, by which {@link #stop} stops it; null when calls are not stopped
     * @param onResult turns a call's input and output into the record to forward
     * @param onError  turns a call's input and failure (timeouts included) into the record to forward
     */
    public AsyncProcessorSupplier(String storeName, Class<I> inputType, AsyncCall<I, R> call, Function<I, String> idOf,
                                  Function<I, String> queryOf, BiFunction<I, R, O> onResult,
                                  BiFunction<I, Throwable, O> onError, AsyncSettings settings) {
        this(storeName, inputType, settings, new Semaphore(settings.maxInFlight()), new CallStops(),
                (slots, stops) -> new AsyncProcessor<I, Void, R, O>(storeName, StreamingCall.of(call), idOf, queryOf,
                        null, (input, result, partials) -> onResult.apply(input, result),
                        (input, error, partials) -> onError.apply(input, error), settings, slots, stops));
    }

    private AsyncProcessorSupplier(String storeName, Class<I> inputType, AsyncSettings settings, Semaphore inFlight,
                                   CallStops stops,
                                   BiFunction<Semaphore, CallStops, Processor<String, I, String, O>> processor) {
        this.storeName = storeName;
        this.queueType = Json.MAPPER.getTypeFactory().constructParametricType(PendingQueue.class, inputType);
        this.settings = settings;
        this.inFlight = inFlight;
        this.stops = stops;
        this.processors = () -> processor.apply(inFlight, stops);
    }

    /**
     * Calls that report their output in parts while they run, forwarded as {@code partials} says before each
     * outcome; {@code onResult} and {@code onError} learn how many partial records went before.
     */
    public static <I, P, R, O> AsyncProcessorSupplier<I, R, O> streaming(
            String storeName, Class<I> inputType, StreamingCall<I, P, R> call, Function<I, String> idOf,
            Function<I, String> queryOf, PartialOutput<I, P, O> partials, Finish<I, R, O> onResult,
            Finish<I, Throwable, O> onError, AsyncSettings settings) {
        return new AsyncProcessorSupplier<>(storeName, inputType, settings, new Semaphore(settings.maxInFlight()),
                new CallStops(), (slots, stops) -> new AsyncProcessor<>(storeName, call, idOf, queryOf, partials,
                        onResult, onError, settings, slots, stops));
    }

    /**
     * Stops the query's work in {@code task} (the task that read its cancellation, which holds its calls: both are
     * keyed by conversation, {@code key}): its waiting requests are dropped and its call in flight is cancelled,
     * at the processor's next collection, on the task's thread. Call it on that thread.
     */
    public void stop(TaskId task, String key, String queryId) {
        stops.tell(task, key, queryId);
    }

    @Override
    public Processor<String, I, String, O> get() {
        return processors.get();
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        // cached: a request whose call ends before the task's next commit leaves one tombstone on the changelog,
        // not its queue and then the tombstone
        StoreBuilder<KeyValueStore<String, PendingQueue<I>>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(storeName), Serdes.String(), new JsonSerde<PendingQueue<I>>(queueType))
                .withCachingEnabled();
        return Set.of(store);
    }

    /** Calls started and not yet finished, across all tasks of this stage. */
    public int inFlight() {
        return settings.maxInFlight() - inFlight.availablePermits();
    }
}
