package io.dbchat.gateway.schema;

import io.dbchat.contracts.events.SchemaRefreshRequested;
import reactor.core.publisher.Mono;

/** Hands a refresh request to the schema publisher; completes once Kafka acknowledged it. */
public interface SchemaRefresher {

    Mono<Void> request(SchemaRefreshRequested request);
}
