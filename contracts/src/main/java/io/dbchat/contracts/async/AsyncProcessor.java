package io.dbchat.contracts.async;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs slow calls without blocking the stream thread. Each request is written to a changelogged
 * pending store and its call started; a wall-clock punctuator forwards finished calls on the stream
 * thread, inside the task's transaction. At most one call per key is in flight, which keeps each
 * conversation in order; {@code init} re-issues what was pending when the task last stopped. The queues last
 * read or written are also kept decoded in memory (this processor is their only writer), so the hot path does
 * not parse JSON from the store for every request and every completion.
 */
final class AsyncProcessor<I, R, O> implements Processor<String, I, String, O> {

    private final String storeName;
    private final AsyncCall<I, R> call;
    private final Function<I, String> idOf;
    private final BiFunction<I, R, O> onResult;
    private final BiFunction<I, Throwable, O> onError;
    private final AsyncSettings settings;
    private final Semaphore inFlight;
    /** Finished calls, handed from call threads to the stream thread. */
    private final Queue<Completion<I, R>> completed = new ConcurrentLinkedQueue<>();
    /** Keys whose head call waits for a free slot. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** The headers of each pending request this task took in (not changelogged: trace context only). */
    private final Map<String, Headers> headers = new java.util.HashMap<>();
    /** The latest queues, decoded: a bounded copy of part of the store, which stays the durable truth. */
    private final Map<String, PendingQueue<I>> decoded;
    private ProcessorContext<String, O> context;
    private KeyValueStore<String, PendingQueue<I>> pending;
    private volatile boolean closed;

    AsyncProcessor(String storeName, AsyncCall<I, R> call, Function<I, String> idOf, BiFunction<I, R, O> onResult,
                   BiFunction<I, Throwable, O> onError, AsyncSettings settings, Semaphore inFlight) {
        this.storeName = storeName;
        this.call = call;
        this.idOf = idOf;
        this.onResult = onResult;
        this.onError = onError;
        this.settings = settings;
        this.inFlight = inFlight;
        int keep = Math.max(1024, 4 * settings.maxInFlight());
        this.decoded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PendingQueue<I>> eldest) {
                return size() > keep;
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, O> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
        // a task revived after a failed commit is initialised again: its store was wiped and restored meanwhile
        decoded.clear();
        closed = false;
        try (var all = pending.all()) {
            all.forEachRemaining(kv -> waiting.add(kv.key));
        }
        context.schedule(settings.collectEvery(), PunctuationType.WALL_CLOCK_TIME, now -> collect());
    }

    @Override
    public void process(Record<String, I> record) {
        PendingQueue<I> queue = queueOf(record.key());
        String id = idOf.apply(record.value());
        if (queue.entries().stream().anyMatch(e -> e.id().equals(id))) {
            return; // a redelivered request that is already pending
        }
        store(record.key(), queue.append(new PendingQueue.Entry<>(id, record.value(), record.timestamp())));
        headers.put(id, record.headers());
        if (queue.isEmpty()) {
            startHead(record.key());
        }
    }

    private void collect() {
        for (Completion<I, R> done; (done = completed.poll()) != null; ) {
            finish(done);
        }
        Deque<String> retry = new ArrayDeque<>(waiting);
        waiting.clear();
        retry.forEach(this::startHead);
    }

    private void finish(Completion<I, R> done) {
        PendingQueue<I> queue = queueOf(done.key());
        PendingQueue.Entry<I> head = queue.head();
        if (head == null || !head.id().equals(done.id())) {
            return; // stale: the request was finished before, by an earlier run of this task
        }
        O out = done.error() == null ? onResult.apply(head.input(), done.result()) : onError.apply(head.input(), done.error());
        // the request's headers (its trace context) go on with its outcome; after a restart they are gone
        Headers carried = headers.remove(done.id());
        context.forward(new Record<>(done.key(), out, context.currentSystemTimeMs(), carried));
        PendingQueue<I> rest = queue.dropHead();
        store(done.key(), rest);
        if (!rest.isEmpty()) {
            startHead(done.key());
        }
    }

    private void startHead(String key) {
        // no slot, no need to read (and deserialize) the queue: while the stage is saturated this runs often
        if (!inFlight.tryAcquire()) {
            waiting.add(key);
            return;
        }
        PendingQueue.Entry<I> head = queueOf(key).head();
        if (head == null) {
            inFlight.release();
            return;
        }
        CompletableFuture<R> future;
        try {
            future = call.start(head.input()).toCompletableFuture();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.orTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> {
                    inFlight.release();
                    if (!closed) {
                        completed.add(new Completion<>(key, head.id(), result, unwrap(error)));
                    }
                });
    }

    private PendingQueue<I> queueOf(String key) {
        PendingQueue<I> queue = decoded.get(key);
        if (queue == null) {
            queue = pending.get(key);
            queue = queue == null ? PendingQueue.empty() : queue;
            decoded.put(key, queue);
        }
        return queue;
    }

    /** An empty queue is deleted by putting null: {@code delete} would read and decode the old value to return it. */
    private void store(String key, PendingQueue<I> queue) {
        pending.put(key, queue.isEmpty() ? null : queue);
        decoded.put(key, queue);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public void close() {
        closed = true;
        headers.clear();
    }

    /** A finished call, as reported by whatever thread finished it. */
    private record Completion<I, R>(String key, String id, R result, Throwable error) {
    }
}
