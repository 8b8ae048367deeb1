package io.dbchat.gateway;

import io.dbchat.contracts.events.SchemaRefreshRequested;
import io.dbchat.gateway.schema.SchemaRefresher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** A refresh-request topic stand-in that keeps what was requested. */
public final class RecordingRefresher implements SchemaRefresher {

    private final List<SchemaRefreshRequested> requests = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> request(SchemaRefreshRequested request) {
        return Mono.fromRunnable(() -> requests.add(request));
    }

    public List<SchemaRefreshRequested> requests() {
        return requests;
    }
}
