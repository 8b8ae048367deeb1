package io.dbchat.gateway.query;

import io.dbchat.contracts.events.QueryCancelled;
import reactor.core.publisher.Mono;

/** Hands a cancellation to the pipeline; completes once it is durably accepted. */
@FunctionalInterface
public interface CancelSubmitter {

    Mono<Void> submit(QueryCancelled cancelled);
}
