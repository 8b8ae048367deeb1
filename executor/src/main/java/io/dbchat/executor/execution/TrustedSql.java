package io.dbchat.executor.execution;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the executor's own statement text (never text from outside) as one simple query, discarding its results. */
final class TrustedSql {

    private TrustedSql() {
    }

    static Mono<Void> run(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then();
    }
}
