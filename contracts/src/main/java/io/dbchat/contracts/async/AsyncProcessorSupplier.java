package io.dbchat.contracts.async;

import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.serde.JsonSerde;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
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
 * @param idOf     a request's unique id (query id and attempt), used to drop a stale completion
 * @param onResult turns a call's input and output into the record to forward
 * @param onError  turns a call's input and failure (timeouts included) into the record to forward
 */
public final class AsyncProcessorSupplier<I, R, O> implements ProcessorSupplier<String, I, String, O> {

    private final String storeName;
    private final JavaType queueType;
    private final AsyncCall<I, R> call;
    private final Function<I, String> idOf;
    private final BiFunction<I, R, O> onResult;
    private final BiFunction<I, Throwable, O> onError;
    private final AsyncSettings settings;
    private final Semaphore inFlight;

    public AsyncProcessorSupplier(String storeName, Class<I> inputType, AsyncCall<I, R> call, Function<I, String> idOf,
                                  BiFunction<I, R, O> onResult, BiFunction<I, Throwable, O> onError,
                                  AsyncSettings settings) {
        this.storeName = storeName;
        this.queueType = Json.MAPPER.getTypeFactory().constructParametricType(PendingQueue.class, inputType);
        this.call = call;
        this.idOf = idOf;
        this.onResult = onResult;
        this.onError = onError;
        this.settings = settings;
        this.inFlight = new Semaphore(settings.maxInFlight());
    }

    @Override
    public Processor<String, I, String, O> get() {
        return new AsyncProcessor<>(storeName, call, idOf, onResult, onError, settings, inFlight);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        StoreBuilder<KeyValueStore<String, PendingQueue<I>>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(storeName), Serdes.String(), new JsonSerde<>(queueType));
        return Set.of(store);
    }

    /** Calls started and not yet finished, across all tasks of this stage. */
    public int inFlight() {
        return settings.maxInFlight() - inFlight.availablePermits();
    }
}
