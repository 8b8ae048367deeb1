package io.dbchat.executor.execution;

import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.contracts.runtime.PostgresUrl;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.client.SSLMode;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Builds one connection pool per datasource. Every connection logs in with the execution limits as startup
 * parameters (read-only transactions, statement, lock and idle-in-transaction timeouts), so they hold for
 * every statement on it and are what {@code DISCARD ALL} returns it to. Prepared statements are not cached:
 * every statement is new text, and an unbounded cache would grow with every question. Compatibility mode
 * makes the driver send a fetch-sized statement outside a transaction in one exchange, not a cursor loop. The
 * {@link ValueSizeCodec} lets a row's size be read before its values are decoded.
 */
public final class ConnectionPools {

    private ConnectionPools() {
    }

    /** A pool for the datasource, logging in as {@code username} / {@code password} when they are given. */
    public static ConnectionPool create(DatasourceProperties datasource, String username, String password, int size,
                                        ExecutionLimits limits) {
        PostgresUrl url = datasource.address().withCredentials(username, password);
        var builder = PostgresqlConnectionConfiguration.builder()
                .host(url.host())
                .port(url.port())
                .database(url.database())
                .username(url.username() == null ? "postgres" : url.username())
                .password(url.password())
                .applicationName("dbchat-executor")
                .options(limits.startupOptions())
                .compatibilityMode(true)
                .preparedStatementCacheQueries(0)
                .connectTimeout(Duration.ofSeconds(10))
                .codecRegistrar((connection, allocator, registry) -> {
                    registry.addFirst(new ValueSizeCodec());
                    return Mono.empty();
                });
        String sslMode = url.options().get("sslmode");
        if (sslMode != null) {
            builder.sslMode(SSLMode.fromValue(sslMode));
        }
        var factory = new PostgresqlConnectionFactory(builder.build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .name("dbchat-executor-" + datasource.name())
                .initialSize(0)
                .maxSize(size)
                .maxIdleTime(Duration.ofMinutes(5))
                .build());
    }
}
