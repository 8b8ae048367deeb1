package io.dbchat.schemapublisher.catalog;

import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.contracts.runtime.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens one plain JDBC connection to a datasource for one catalog read. No pool: reads are minutes
 * apart, and a fresh connection tells at once whether the database is reachable.
 */
public final class CatalogConnections {

    private final Duration connectTimeout;
    private final Duration readTimeout;

    public CatalogConnections(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    public Connection open(DatasourceProperties datasource) throws SQLException {
        PostgresUrl address = datasource.address();
        Properties props = new Properties();
        props.putAll(address.options());
        if (address.username() != null) {
            props.setProperty("user", address.username());
        }
        if (address.password() != null) {
            props.setProperty("password", address.password());
        }
        props.setProperty("connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        props.setProperty("socketTimeout", String.valueOf(Math.max(1, readTimeout.toSeconds())));
        props.setProperty("ApplicationName", "dbchat-schema-publisher");
        return DriverManager.getConnection(address.jdbcUrl(), props);
    }
}
