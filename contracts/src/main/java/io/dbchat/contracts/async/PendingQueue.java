package io.dbchat.contracts.async;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The calls waiting for one key, oldest first; the head is the one in flight. Persisted in a
 * changelogged store, so what was pending when a task stopped is known where it starts again.
 */
public record PendingQueue<I>(List<Entry<I>> entries) {

    /** A value of another shape (no entries) reads as an empty queue rather than failing the task. */
    public PendingQueue {
        entries = entries == null ? List.of() : entries;
    }

    /** One requested call: an id unique per request, its input and when it was asked for. */
    public record Entry<I>(String id, I input, long enqueuedAt) {
    }

    static <I> PendingQueue<I> empty() {
        return new PendingQueue<>(List.of());
    }

    PendingQueue<I> append(Entry<I> entry) {
        List<Entry<I>> next = new ArrayList<>(entries);
        next.add(entry);
        return new PendingQueue<>(List.copyOf(next));
    }

    PendingQueue<I> dropHead() {
        return new PendingQueue<>(List.copyOf(entries.subList(1, entries.size())));
    }

    /** The queue without the entries {@code dropped} selects. */
    PendingQueue<I> without(Predicate<Entry<I>> dropped) {
        return new PendingQueue<>(entries.stream().filter(dropped.negate()).toList());
    }

    Entry<I> head() {
        return entries.isEmpty() ? null : entries.getFirst();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
