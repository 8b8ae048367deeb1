package io.dbchat.translator.offline;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** One embedded PostgreSQL (free port) per test JVM, with one database per fixture, each loaded once. */
final class TestDatabase {

    /** The demo database of the standalone module, read where it lives rather than copied. */
    static final String DEMO_SCHEMA = "../standalone/src/main/resources/demo/schema.sql";
    static final String DEMO_DATA = "../standalone/src/main/resources/demo/data.sql";

    private static EmbeddedPostgres server;
    private static final Map<String, DataSource> DATABASES = new ConcurrentHashMap<>();

    private TestDatabase() {
    }

    /** The database {@code name}, created and loaded with the SQL of {@code scripts} (classpath resources or files). */
    static synchronized DataSource database(String name, String... scripts) {
        return DATABASES.computeIfAbsent(name, n -> create(n, scripts));
    }

    private static DataSource create(String name, String[] scripts) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
            }
            try (Connection admin = server.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            DataSource db = server.getDatabase("postgres", name);
            try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                for (String script : scripts) {
                    st.execute(read(script));
                }
                st.execute("ANALYZE");
                c.commit();
            }
            return db;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
    }

    private static String read(String script) throws IOException {
        Path file = Path.of(script);
        if (Files.exists(file)) {
            return Files.readString(file, UTF_8);
        }
        try (InputStream in = TestDatabase.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing script " + script));
            }
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
