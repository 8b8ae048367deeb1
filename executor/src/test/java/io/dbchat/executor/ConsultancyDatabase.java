package io.dbchat.executor;

import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.ExecutionLimits;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * An embedded PostgreSQL (free port) holding the consultancy database, and the shipped reader role with
 * its grants narrowed to what the snapshot publishes: no salaries, no users.password_hash.
 */
public final class ConsultancyDatabase implements AutoCloseable {

    public static final String READER = "dbchat_reader";
    public static final String READER_PASSWORD = "reader-secret";

    private final EmbeddedPostgres postgres;

    private ConsultancyDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static ConsultancyDatabase start() {
        try {
            var db = new ConsultancyDatabase(EmbeddedPostgres.builder().start());
            db.runAsOwner(resource("/db/consultancy.sql"));
            db.runAsOwner(resource("/sql/create-reader-role.sql")
                    .replace(":'reader_password'", "'" + READER_PASSWORD + "'"));
            db.runAsOwner("""
                    REVOKE SELECT ON salaries FROM dbchat_reader;
                    REVOKE SELECT ON users FROM dbchat_reader;
                    GRANT SELECT (id, team_id, email, full_name, role, hired_at, hourly_rate, active)
                        ON users TO dbchat_reader;
                    """);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void runAsOwner(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public DatasourceProperties datasource() {
        return new DatasourceProperties(ConsultancySchema.DATASOURCE,
                "postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", null);
    }

    /** A runner logging in as the reader role, as the executor does with dbchat.executor.username set. */
    public R2dbcQueryRunner readerRunner(ExecutionLimits limits, int poolSize, ExecutionMode mode) {
        var pool = ConnectionPools.create(datasource(), READER, READER_PASSWORD, poolSize, limits);
        return new R2dbcQueryRunner(Map.of(ConsultancySchema.DATASOURCE, pool), limits, mode);
    }

    /** A reader-role runner in the default (session) mode. */
    public R2dbcQueryRunner readerRunner(ExecutionLimits limits, int poolSize) {
        return readerRunner(limits, poolSize, ExecutionMode.SESSION);
    }

    private static String resource(String name) {
        try (InputStream in = ConsultancyDatabase.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
