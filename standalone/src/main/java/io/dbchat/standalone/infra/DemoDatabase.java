package io.dbchat.standalone.infra;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo database and loads schema, data and the read-only role in one transaction, so a
 * database that has the schema has all of it; loading is skipped when the schema is there.
 */
public final class DemoDatabase {

    static final String READER = "dbchat_reader";
    static final String READER_PASSWORD = "dbchat_reader";
    private static final Logger log = LoggerFactory.getLogger(DemoDatabase.class);
    private static final String[] SCRIPTS = {"demo/schema.sql", "demo/data.sql", "demo/readonly-role.sql"};

    private final EmbeddedDatabase server;

    DemoDatabase(EmbeddedDatabase server) {
        this.server = server;
    }

    boolean ensure() throws SQLException {
        createDatabaseIfAbsent();
        try (Connection demo = server.connect(EmbeddedDatabase.DEMO)) {
            return loadInto(demo);
        }
    }

    /** Loads the demo schema, data and reader role into any PostgreSQL database that lacks them. */
    public static boolean loadInto(Connection database) throws SQLException {
        if (isLoaded(database)) {
            return false;
        }
        long started = System.nanoTime();
        load(database);
        log.info("Loaded the demo database in {} ms", (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** Runs demo/move-to-today.sql: every date of the demo moved by whole months to end in the month before today. */
    static void moveToToday(Connection demo) throws SQLException {
        try (Statement st = demo.createStatement()) {
            st.execute(read("demo/move-to-today.sql"));
        }
    }

    private void createDatabaseIfAbsent() throws SQLException {
        try (Connection admin = server.connect("postgres");
                PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, EmbeddedDatabase.DEMO);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + EmbeddedDatabase.DEMO);
            }
        }
    }

    private static boolean isLoaded(Connection demo) throws SQLException {
        try (Statement st = demo.createStatement();
                ResultSet rs = st.executeQuery("SELECT to_regclass('public.projects') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void load(Connection demo) throws SQLException {
        demo.setAutoCommit(false);
        try (Statement st = demo.createStatement()) {
            for (String script : SCRIPTS) {
                // the driver splits a multi-statement script itself, dollar-quoted bodies included
                st.execute(read(script));
            }
            demo.commit();
        } catch (SQLException | RuntimeException e) {
            demo.rollback();
            throw e;
        }
    }

    private static String read(String resource) {
        try (InputStream in = DemoDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
