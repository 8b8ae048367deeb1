package io.dbchat.contracts.async;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A call in flight for one key of an {@link AsyncProcessor}: the parts it reported and not yet buffered, its
 * buffer, and how many partial records went out. Parts arrive on the call's thread; the rest is the stream thread's.
 */
final class LiveCall<I, P, R> {

    private final String key;
    private final PendingQueue.Entry<I> entry;
    private final PartialOutput.Buffer<P> buffer;
    private final Queue<P> parts = new ConcurrentLinkedQueue<>();
    private final Semaphore slots;
    private final AtomicBoolean released = new AtomicBoolean();
    private int published;
    private volatile CompletableFuture<?> future;

    LiveCall(String key, PendingQueue.Entry<I> entry, PartialOutput.Buffer<P> buffer, Semaphore slots) {
        this.key = key;
        this.entry = entry;
        this.buffer = buffer;
        this.slots = slots;
    }

    String key() {
        return key;
    }

    PendingQueue.Entry<I> entry() {
        return entry;
    }

    /** Null when the processor forwards no partial output. */
    PartialOutput.Buffer<P> buffer() {
        return buffer;
    }

    Queue<P> parts() {
        return parts;
    }

    /** Called on the call's thread. */
    void arrived(P part) {
        if (buffer != null && part != null) {
            parts.add(part);
        }
    }

    /** The number (from 1) of the next partial record of this call. */
    int nextPartial() {
        return ++published;
    }

    int published() {
        return published;
    }

    /** The call's future, which {@link #cancel} cancels. */
    void running(CompletableFuture<?> started) {
        this.future = started;
    }

    /** Stops the call (its future cancelled, which interrupts or disposes what runs it) and frees its slot. */
    void cancel() {
        CompletableFuture<?> running = future;
        if (running != null) {
            running.cancel(true);
        }
        release();
    }

    /** Frees the call's slot once, whether it finished or was abandoned first. */
    void release() {
        if (released.compareAndSet(false, true)) {
            slots.release();
        }
    }
}
