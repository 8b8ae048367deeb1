package io.dbchat.gateway.replies;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import reactor.core.publisher.Sinks;

/**
 * The replies of one query, deduplicated and ordered by seq, and its live subscribers. Not thread-safe:
 * {@link ReplyStore} guards it.
 */
final class QueryBuffer {

    private final String queryId;
    private final String conversationId;
    private final Instant createdAt;
    private final TreeMap<Long, ReplyEvent> replies = new TreeMap<>();
    private final List<LiveSubscriber> subscribers = new ArrayList<>();
    /** Those waiting for the terminal reply alone (a synchronous answer): nothing is offered to them before it. */
    private final List<Sinks.One<ReplyEvent>> waiters = new ArrayList<>(1);
    private QuestionAsked question;
    private boolean done;

    QueryBuffer(String queryId, String conversationId, Instant createdAt) {
        this.queryId = queryId;
        this.conversationId = conversationId;
        this.createdAt = createdAt;
    }

    void question(QuestionAsked asked) {
        if (question == null) {
            question = asked;
        }
    }

    /** Adds a reply unless its seq was seen; true when it was new and this made the query complete. */
    boolean add(ReplyEvent reply) {
        if (replies.putIfAbsent(reply.seq(), reply) != null) {
            return false;
        }
        // a copy, since a subscriber that completes or cancels removes itself while we iterate
        for (LiveSubscriber s : List.copyOf(subscribers)) {
            if (!s.offer(reply)) {
                subscribers.remove(s);
            }
        }
        if (!reply.type().isTerminal() || done) {
            return false;
        }
        done = true;
        List.copyOf(subscribers).forEach(LiveSubscriber::complete);
        subscribers.clear();
        List.copyOf(waiters).forEach(w -> w.tryEmitValue(reply));
        waiters.clear();
        return true;
    }

    /** The first terminal reply by seq, or null while there is none. */
    ReplyEvent terminal() {
        if (!done) {
            return null;
        }
        return replies.values().stream().filter(r -> r.type().isTerminal()).findFirst().orElse(null);
    }

    /** A waiter given the terminal reply when it comes; only while the query is not done. */
    Sinks.One<ReplyEvent> awaitTerminal() {
        Sinks.One<ReplyEvent> waiter = Sinks.one();
        waiters.add(waiter);
        return waiter;
    }

    void stopWaiting(Sinks.One<ReplyEvent> waiter) {
        waiters.remove(waiter);
    }

    boolean has(long seq) {
        return replies.containsKey(seq);
    }

    String conversationId() {
        return conversationId;
    }

    List<ReplyEvent> after(long afterSeq) {
        return new ArrayList<>(replies.tailMap(afterSeq, false).values());
    }

    LiveSubscriber subscribe(long afterSeq, int capacity) {
        LiveSubscriber s = new LiveSubscriber(afterSeq, capacity);
        subscribers.add(s);
        return s;
    }

    void unsubscribe(LiveSubscriber s) {
        subscribers.remove(s);
    }

    /** Ends every live subscriber with an error: the query is being forgotten. */
    void close(RuntimeException reason) {
        List.copyOf(subscribers).forEach(s -> s.fail(reason));
        subscribers.clear();
        List.copyOf(waiters).forEach(w -> w.tryEmitError(reason));
        waiters.clear();
    }

    boolean done() {
        return done;
    }

    Instant createdAt() {
        return createdAt;
    }

    QueryView view() {
        return new QueryView(queryId, conversationId, question, List.copyOf(replies.values()));
    }
}
