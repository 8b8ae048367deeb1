package io.dbchat.standalone.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL server (zonky's binaries) listening on 127.0.0.1. With a data directory the
 * cluster and its data outlive a restart; without one a temporary cluster is deleted on close.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DEMO = "demo";
    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    /** The login that owns the demo's tables (the embedded server's superuser). */
    public static final String OWNER = SUPERUSER;
    private static final java.time.Duration STARTUP_WAIT = java.time.Duration.ofSeconds(120);

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;
    /** The copy of the template cluster this server runs on, deleted on close; null when it has none. */
    private DataDirectory copy;

    /**
     * @param dataDirectory where the cluster lives; null for a temporary one
     * @param port the port to listen on; 0 for a free one
     */
    public EmbeddedDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = FreePort.orFree(port);
    }

    /**
     * Starts PostgreSQL, running initdb first when the data directory holds no cluster yet; a temporary cluster is a
     * copy of the template when one is asked for (see {@link ClusterTemplate}).
     */
    public EmbeddedDatabase start() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // after a crash PostgreSQL replays its WAL first, which may take longer than zonky's 10 s default
                .setPGStartupWait(STARTUP_WAIT)
                .setPort(port)
                .setServerConfig("listen_addresses", HOST);
        if (dataDirectory != null) {
            Leftovers.stop(dataDirectory.resolve("postmaster.pid"), dataDirectory.resolve("epg-lock"), "postgres");
            ClusterTemplate.seed(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        } else {
            copy = ClusterTemplate.copy();
            if (copy != null) {
                builder.setDataDirectory(copy.path()).setCleanDataDirectory(false);
            }
        }
        try {
            postgres = builder.start();
        } catch (IOException e) {
            releaseCopy();
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
        return this;
    }

    /**
     * Creates the demo database with its schema, data and read-only role unless it exists already.
     *
     * @return true when this call loaded it, false when it was there before
     */
    public boolean ensureDemoDatabase() {
        try {
            return new DemoDatabase(this).ensure();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the demo database", e);
        }
    }

    /** Moves the demo's dates by whole months so that its last full month is the one before today. */
    public void moveDemoDatesToToday() {
        try (Connection demo = connect(DEMO)) {
            DemoDatabase.moveToToday(demo);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot move the demo's dates", e);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    /** The superuser has no password: the embedded cluster trusts local connections. */
    public String password() {
        return "";
    }

    /** The least-privileged, read-only login that generated SQL runs as (see demo/readonly-role.sql). */
    public String readerUsername() {
        return DemoDatabase.READER;
    }

    public String readerPassword() {
        return DemoDatabase.READER_PASSWORD;
    }

    /** A superuser connection to the given database. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, password());
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
            releaseCopy();
        }
    }

    private void releaseCopy() {
        if (copy != null) {
            copy.release();
            copy = null;
        }
    }
}
