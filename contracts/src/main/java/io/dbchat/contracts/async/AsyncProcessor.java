package io.dbchat.contracts.async;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * not parse JSON from the store for every request and every completion. With {@link PartialOutput}, a request
 * is acknowledged when taken in and the parts its call reports are forwarded by the punctuator as they
 * accumulate, before its outcome. A query told to stop ({@link CallStops}) leaves its queue: its call in flight is
 * cancelled (a blocking call's thread interrupted, a database statement's subscription disposed) and whatever it
 * still returns is dropped as stale; the next request of its key starts.
 */
final class AsyncProcessor<I, P, R, O> implements Processor<String, I, String, O> {

    private final String storeName;
    private final StreamingCall<I, P, R> call;
    private final Function<I, String> idOf;
    /** The query of a request, by which it is stopped; null when this processor's calls are not stopped. */
    private final Function<I, String> queryOf;
    private final CallStops stops;
    /** Null when the calls report no partial output. */
    private final PartialOutput<I, P, O> partials;
    private final Finish<I, R, O> onResult;
    private final Finish<I, Throwable, O> onError;
    private final AsyncSettings settings;
    private final Semaphore inFlight;
    /** Finished calls, handed from call threads to the stream thread. */
    private final Queue<Completion<I, P, R>> completed = new ConcurrentLinkedQueue<>();
    /** Keys whose head call waits for a free slot. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** The headers of each pending request this task took in (not changelogged: trace context only). */
    private final Map<String, Headers> headers = new HashMap<>();
    /** The call in flight for each key, started by this run of the task; a completion of any other is stale. */
    private final Map<String, LiveCall<I, P, R>> live = new HashMap<>();
    /** The latest queues, decoded: a bounded copy of part of the store, which stays the durable truth. */
    private final Map<String, PendingQueue<I>> decoded;
    private ProcessorContext<String, O> context;
    private KeyValueStore<String, PendingQueue<I>> pending;
    /** The queries this task was told to stop, taken at each collection. */
    private Queue<CallStops.Stop> toStop;

    AsyncProcessor(String storeName, StreamingCall<I, P, R> call, Function<I, String> idOf, Function<I, String> queryOf,
                   PartialOutput<I, P, O> partials, Finish<I, R, O> onResult, Finish<I, Throwable, O> onError,
                   AsyncSettings settings, Semaphore inFlight, CallStops stops) {
        this.storeName = storeName;
        this.call = call;
        this.idOf = idOf;
        this.queryOf = queryOf;
        this.stops = stops;
        this.partials = partials;
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
        abandonCalls();
        decoded.clear();
        if (queryOf != null) {
            toStop = stops.open(context.taskId());
        }
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
        O accepted = partials == null ? null : partials.accepted(record.value());
        if (accepted != null) {
            forward(record.key(), accepted, record.headers());
        }
        if (queue.isEmpty()) {
            startHead(record.key());
        }
    }

    private void collect() {
        // stops first: a call of a stopped query that has just finished is then dropped, not forwarded
        for (CallStops.Stop stop; toStop != null && (stop = toStop.poll()) != null; ) {
            stop(stop);
        }
        for (Completion<I, P, R> done; (done = completed.poll()) != null; ) {
            finish(done);
        }
        if (partials != null) {
            long now = context.currentSystemTimeMs();
            new ArrayList<>(live.values()).forEach(running -> forwardParts(running, now, false));
        }
        Deque<String> retry = new ArrayDeque<>(waiting);
        waiting.clear();
        retry.forEach(this::startHead);
    }

    private void finish(Completion<I, P, R> done) {
        LiveCall<I, P, R> ended = done.call();
        String key = ended.key();
        if (live.get(key) != ended) {
            return; // stale: abandoned when the task last stopped, and issued again since
        }
        live.remove(key);
        PendingQueue<I> queue = queueOf(key);
        PendingQueue.Entry<I> head = queue.head();
        if (head == null || !head.id().equals(ended.entry().id())) {
            return; // stale: the queue no longer starts with it (its store was restored meanwhile)
        }
        // every part was reported before the call completed, so the last batches go before the outcome
        forwardParts(ended, context.currentSystemTimeMs(), true);
        O out = done.error() == null
                ? onResult.apply(head.input(), done.result(), ended.published())
                : onError.apply(head.input(), done.error(), ended.published());
        // the request's headers (its trace context) go on with its outcome; after a restart they are gone
        forward(key, out, headers.remove(head.id()));
        PendingQueue<I> rest = queue.dropHead();
        store(key, rest);
        if (!rest.isEmpty()) {
            startHead(key);
        }
    }

    /** Drops the stopped query's requests from its key's queue, cancelling its call in flight. */
    private void stop(CallStops.Stop stop) {
        PendingQueue<I> queue = queueOf(stop.key());
        PendingQueue<I> rest = queue.without(entry -> stop.queryId().equals(queryOf.apply(entry.input())));
        if (rest.entries().size() == queue.entries().size()) {
            return;
        }
        queue.entries().stream().filter(e -> !rest.entries().contains(e)).forEach(e -> headers.remove(e.id()));
        LiveCall<I, P, R> running = live.get(stop.key());
        boolean headStopped = running != null && stop.queryId().equals(queryOf.apply(running.entry().input()));
        if (headStopped) {
            live.remove(stop.key()); // so its completion, the cancellation itself included, is stale
            running.cancel();
        }
        store(stop.key(), rest);
        if (headStopped && !rest.isEmpty()) {
            startHead(stop.key());
        }
    }

    private void startHead(String key) {
        if (live.containsKey(key)) {
            return; // its call is running: the next starts when it has finished
        }
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
        var started = new LiveCall<I, P, R>(key, head, partials == null ? null : partials.buffer(head.input()), inFlight);
        live.put(key, started);
        CompletableFuture<R> future;
        try {
            future = call.start(head.input(), started::arrived).toCompletableFuture();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        started.running(future);
        future.orTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> {
                    started.release();
                    completed.add(new Completion<>(started, result, unwrap(error)));
                });
    }

    /** Moves the parts a running call reported into its buffer and forwards the batches due, numbered on. */
    private void forwardParts(LiveCall<I, P, R> running, long now, boolean finished) {
        if (running.buffer() == null) {
            return;
        }
        for (P part; (part = running.parts().poll()) != null; ) {
            running.buffer().add(part, now);
        }
        Headers carried = headers.get(running.entry().id());
        for (P batch : running.buffer().due(now, finished)) {
            forward(running.key(), partials.partial(running.entry().input(), running.nextPartial(), batch), carried);
        }
    }

    private void forward(String key, O value, Headers carried) {
        context.forward(new Record<>(key, value, context.currentSystemTimeMs(), carried));
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
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /**
     * The calls of a task going away are issued again wherever it restarts, so their slots are freed now; whatever
     * they still report or return is ignored.
     */
    private void abandonCalls() {
        live.values().forEach(LiveCall::release);
        live.clear();
        waiting.clear();
    }

    @Override
    public void close() {
        abandonCalls();
        headers.clear();
        if (toStop != null) {
            stops.close(context.taskId(), toStop);
            toStop = null;
        }
    }

    /** A finished call, as reported by whatever thread finished it. */
    private record Completion<I, P, R>(LiveCall<I, P, R> call, R result, Throwable error) {
    }
}
