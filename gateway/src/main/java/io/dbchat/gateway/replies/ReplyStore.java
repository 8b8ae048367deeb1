package io.dbchat.gateway.replies;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The gateway's memory of queries: at most {@code maxBufferedQueries}, evicting the oldest completed one
 * first; a completed query is forgotten {@code completedRetention} after its terminal reply, an
 * unfinished one {@code pendingRetention} after it was first seen. One lock guards it all, so a
 * subscriber's replay and its live registration see one consistent order of replies.
 */
public class ReplyStore implements ReplySource, ReplyListener {

    private final GatewayProperties properties;
    private final Clock clock;
    /** In order of first sight, i.e. oldest first. */
    private final LinkedHashMap<String, QueryBuffer> queries = new LinkedHashMap<>();
    /** Completed queries in order of completion, with the instant of their terminal reply. */
    private final LinkedHashMap<String, Instant> completed = new LinkedHashMap<>();
    /** The buffered queries of each conversation, in order of first sight. */
    private final Map<String, Set<String>> byConversation = new HashMap<>();
    private final Map<String, List<LiveSubscriber>> conversationSubscribers = new HashMap<>();

    public ReplyStore(GatewayProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void register(QuestionAsked question) {
        buffer(question.queryId(), question.conversationId()).question(question);
    }

    @Override
    public void onQuestion(QuestionAsked question) {
        register(question);
    }

    @Override
    public void onReply(ReplyEvent reply) {
        add(reply);
    }

    /** Buffers a reply and hands it to live subscribers; a seq already seen is ignored. */
    public synchronized void add(ReplyEvent reply) {
        QueryBuffer buffer = buffer(reply.queryId(), reply.conversationId());
        boolean fresh = !buffer.has(reply.seq());
        if (buffer.add(reply)) {
            completed.put(reply.queryId(), clock.instant());
        }
        if (fresh) {
            offerToConversation(reply);
        }
    }

    /**
     * The replies of every buffered query of a conversation, then live ones, without end. After a
     * {@code cursor} (the last event seen), queries completed before the cursor's query are skipped and
     * the cursor's query resumes after its seq; an unfinished earlier query is replayed whole, which the
     * subscriber deduplicates by (queryId, seq).
     */
    @Override
    public Flux<ReplyEvent> conversationEvents(String conversationId, ConversationCursor cursor) {
        return Flux.defer(() -> subscribeConversation(conversationId, cursor));
    }

    @Override
    public synchronized Optional<QueryView> find(String queryId) {
        return Optional.ofNullable(queries.get(queryId)).map(QueryBuffer::view);
    }

    @Override
    public synchronized List<QueryView> unfinished(String conversationId) {
        return byConversation.getOrDefault(conversationId, Set.of()).stream().map(queries::get)
                .filter(buffer -> !buffer.done()).map(QueryBuffer::view).filter(view -> view.question() != null)
                .toList();
    }

    @Override
    public Flux<ReplyEvent> events(String queryId, long afterSeq) {
        return Flux.defer(() -> subscribe(queryId, afterSeq));
    }

    @Override
    public Mono<ReplyEvent> terminal(String queryId) {
        return Mono.defer(() -> awaitTerminal(queryId));
    }

    private synchronized Mono<ReplyEvent> awaitTerminal(String queryId) {
        QueryBuffer buffer = queries.get(queryId);
        if (buffer == null) {
            return Mono.error(new UnknownQueryException(queryId));
        }
        ReplyEvent done = buffer.terminal();
        if (done != null) {
            return Mono.just(done);
        }
        Sinks.One<ReplyEvent> waiter = buffer.awaitTerminal();
        return waiter.asMono().doFinally(signal -> stopWaiting(buffer, waiter));
    }

    private synchronized void stopWaiting(QueryBuffer buffer, Sinks.One<ReplyEvent> waiter) {
        buffer.stopWaiting(waiter);
    }

    /** Forgets the queries whose retention has passed. */
    public synchronized void expire() {
        Instant now = clock.instant();
        Instant completedBefore = now.minus(properties.completedRetention());
        Iterator<Map.Entry<String, Instant>> done = completed.entrySet().iterator();
        while (done.hasNext()) {
            Map.Entry<String, Instant> e = done.next();
            if (!e.getValue().isBefore(completedBefore)) {
                break;
            }
            done.remove();
            drop(e.getKey());
        }
        Instant seenBefore = now.minus(properties.pendingRetention());
        while (!queries.isEmpty() && oldest().createdAt().isBefore(seenBefore)) {
            forget(queries.keySet().iterator().next(), "expired");
        }
    }

    public synchronized int size() {
        return queries.size();
    }

    private synchronized Flux<ReplyEvent> subscribe(String queryId, long afterSeq) {
        QueryBuffer buffer = queries.get(queryId);
        if (buffer == null) {
            return Flux.error(new UnknownQueryException(queryId));
        }
        List<ReplyEvent> replay = buffer.after(afterSeq);
        if (buffer.done()) {
            return Flux.fromIterable(replay);
        }
        LiveSubscriber live = buffer.subscribe(afterSeq, properties.subscriberBuffer());
        return Flux.fromIterable(replay)
                .concatWith(live.flux())
                .doFinally(signal -> unsubscribe(buffer, live));
    }

    private synchronized void unsubscribe(QueryBuffer buffer, LiveSubscriber live) {
        buffer.unsubscribe(live);
    }

    private synchronized Flux<ReplyEvent> subscribeConversation(String conversationId, ConversationCursor cursor) {
        List<ReplyEvent> replay = new ArrayList<>();
        boolean beforeCursor = cursor != null && queries.containsKey(cursor.queryId());
        for (String queryId : byConversation.getOrDefault(conversationId, Set.of())) {
            QueryBuffer buffer = queries.get(queryId);
            if (cursor != null && queryId.equals(cursor.queryId())) {
                replay.addAll(buffer.after(cursor.seq()));
                beforeCursor = false;
            } else if (!(beforeCursor && buffer.done())) {
                replay.addAll(buffer.after(-1));
            }
        }
        LiveSubscriber live = new LiveSubscriber(-1, properties.subscriberBuffer());
        conversationSubscribers.computeIfAbsent(conversationId, c -> new ArrayList<>()).add(live);
        return Flux.fromIterable(replay)
                .concatWith(live.flux())
                .doFinally(signal -> unsubscribeConversation(conversationId, live));
    }

    private synchronized void unsubscribeConversation(String conversationId, LiveSubscriber live) {
        List<LiveSubscriber> subscribers = conversationSubscribers.get(conversationId);
        if (subscribers != null && subscribers.remove(live) && subscribers.isEmpty()) {
            conversationSubscribers.remove(conversationId);
        }
    }

    private void offerToConversation(ReplyEvent reply) {
        List<LiveSubscriber> subscribers = conversationSubscribers.get(reply.conversationId());
        if (subscribers != null) {
            // a copy: a dropped subscriber's doFinally removes it from this list
            List.copyOf(subscribers).stream().filter(s -> !s.offer(reply)).forEach(subscribers::remove);
        }
    }

    private QueryBuffer buffer(String queryId, String conversationId) {
        QueryBuffer existing = queries.get(queryId);
        if (existing != null) {
            return existing;
        }
        if (queries.size() >= properties.maxBufferedQueries()) {
            forget(completed.isEmpty() ? queries.keySet().iterator().next() : completed.keySet().iterator().next(),
                    "evicted to make room for newer queries");
        }
        QueryBuffer created = new QueryBuffer(queryId, conversationId, clock.instant());
        queries.put(queryId, created);
        byConversation.computeIfAbsent(conversationId, c -> new LinkedHashSet<>()).add(queryId);
        return created;
    }

    private QueryBuffer oldest() {
        return queries.values().iterator().next();
    }

    private void forget(String queryId, String why) {
        completed.remove(queryId);
        QueryBuffer gone = drop(queryId);
        if (gone != null) {
            gone.close(new UnknownQueryException(queryId + " (" + why + ")"));
        }
    }

    private QueryBuffer drop(String queryId) {
        QueryBuffer gone = queries.remove(queryId);
        if (gone != null) {
            Set<String> siblings = byConversation.get(gone.conversationId());
            if (siblings != null && siblings.remove(queryId) && siblings.isEmpty()) {
                byConversation.remove(gone.conversationId());
            }
        }
        return gone;
    }
}
