package io.dbchat.executor.execution;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the executor's own statement text (never text from outside) as one simple query, discarding its results. */
final class TrustedSql {

    private TrustedSql() {
    }

    static Mono<Void> run(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then();
    }

    /** Sets each setting local to the open transaction, names and values bound as parameters, in one statement. */
    static Mono<Void> setLocal(Connection connection, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < settings.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("set_config($").append(2 * i + 1).append(", $").append(2 * i + 2)
                    .append(", true)");
        }
        Statement statement = connection.createStatement(sql.toString());
        int i = 0;
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            statement.bind(i++, setting.getKey()).bind(i++, setting.getValue());
        }
        return Flux.from(statement.execute()).concatMap(r -> r.map((row, meta) -> 1)).then();
    }
}
