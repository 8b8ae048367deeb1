package io.dbchat.gateway.query;

import io.dbchat.contracts.events.SqlProposed;
import reactor.core.publisher.Mono;

/** Hands SQL written by the caller to the pipeline; completes once it is durably accepted. */
@FunctionalInterface
public interface SqlSubmitter {

    Mono<Void> submit(SqlProposed proposal);
}
