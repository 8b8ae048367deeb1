package io.dbchat.schemapublisher;

import io.dbchat.contracts.runtime.DatasourceProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Embedded PostgreSQL for tests: fresh databases, filled from SQL scripts on the test classpath. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    public static EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).start();
    }

    /** Creates database {@code name} and runs {@code script} (a classpath resource, or null) in it as the superuser. */
    public static void create(EmbeddedPostgres pg, String name, String script) throws SQLException, IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        }
        if (script != null) {
            execute(pg, name, resource(script));
        }
    }

    public static void execute(EmbeddedPostgres pg, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", database));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public static DatasourceProperties datasource(String name, EmbeddedPostgres pg, String database, String user) {
        return new DatasourceProperties(name, "postgresql://localhost:" + pg.getPort() + "/" + database, user, user);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = TestDatabases.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
