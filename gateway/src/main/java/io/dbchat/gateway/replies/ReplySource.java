package io.dbchat.gateway.replies;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the HTTP side learns about queries: which are known, what they replied so far, and a stream of
 * their replies that replays what came before and completes after the FINAL or ERROR reply.
 */
public interface ReplySource {

    /** Makes a query known at once, before Kafka has echoed its question back. */
    void register(QuestionAsked question);

    Optional<QueryView> find(String queryId);

    /** The buffered queries of a conversation whose question is known and that have no terminal reply yet. */
    java.util.List<QueryView> unfinished(String conversationId);

    /**
     * The query's replies with a seq above {@code afterSeq}, buffered ones first (ordered by seq), then live
     * ones; fails with {@link UnknownQueryException} for an unknown query, with {@link SlowSubscriberException}
     * when the subscriber falls too far behind.
     */
    Flux<ReplyEvent> events(String queryId, long afterSeq);

    /**
     * The query's first terminal reply (FINAL or ERROR), buffered or when it comes, without the replies before it;
     * fails with {@link UnknownQueryException} for an unknown query or one forgotten while waited for.
     */
    Mono<ReplyEvent> terminal(String queryId);

    /** Every reply of a conversation's buffered queries, then live ones, without end (see {@link ReplyStore}). */
    Flux<ReplyEvent> conversationEvents(String conversationId, ConversationCursor cursor);
}
