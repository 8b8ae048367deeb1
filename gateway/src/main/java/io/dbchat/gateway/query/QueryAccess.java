package io.dbchat.gateway.query;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.replies.FeedProgress;
import io.dbchat.gateway.replies.QueryView;
import io.dbchat.gateway.replies.ReplySource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A query as its owner may see it. A query whose question this instance has not read yet (asked through
 * another instance a moment ago) is waited for until the feed has read every question written before the
 * request came, at most {@code unknown-query-grace}, so an unknown id is a 404 as soon as the feed has
 * caught up (at once without other instances); someone else's query and an unknown one are the same 404,
 * so ids cannot be probed.
 */
@Component
class QueryAccess {

    private static final Duration POLL = Duration.ofMillis(25);
    /** Stands for "certainly not known" inside the wait. */
    private static final QueryView UNKNOWN = new QueryView("", "", null, List.of());

    private final ReplySource replies;
    private final GatewayProperties properties;
    private final FeedProgress feed;

    QueryAccess(ReplySource replies, GatewayProperties properties, ObjectProvider<FeedProgress> feed) {
        this.replies = replies;
        this.properties = properties;
        this.feed = feed.getIfAvailable(() -> FeedProgress.LOCAL);
    }

    Mono<QueryView> owned(String queryId, String principal) {
        return Mono.defer(() -> known(queryId, principal, System.nanoTime()));
    }

    private Mono<QueryView> known(String queryId, String principal, long asked) {
        return Flux.interval(Duration.ZERO, POLL)
                .map(tick -> {
                    // read before the lookup: a question read after this check is found by the lookup
                    boolean caughtUp = feed.caughtUpSince(asked);
                    Optional<QueryView> view = replies.find(queryId).filter(v -> v.question() != null);
                    return view.isPresent() || !caughtUp ? view : Optional.<QueryView>of(UNKNOWN);
                })
                .filter(Optional::isPresent)
                .next()
                .map(Optional::get)
                .filter(view -> view != UNKNOWN)
                .timeout(properties.unknownQueryGrace(), Mono.empty())
                .filter(view -> principal.equals(view.question().principal()))
                .switchIfEmpty(Mono.error(() -> unknown(queryId)));
    }

    static ProblemException unknown(String queryId) {
        return ProblemException.of(ErrorCode.NOT_FOUND, "Unknown query '" + queryId + "'.");
    }
}
