package io.dbchat.executor;

import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.ExecutionLimits;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import io.dbchat.executor.plan.PlanCheck;
import io.dbchat.executor.plan.PlanCheckProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * A runner logging in as the reader role, as the executor does with dbchat.executor.username set, with the
     * plan check (the default) judging against the consultancy snapshot.
     */
    public R2dbcQueryRunner readerRunner(ExecutionLimits limits, int poolSize, ExecutionMode mode) {
        return readerRunner(limits, poolSize, mode, true);
    }

    /** A reader-role runner, with or without the plan check. */
    public R2dbcQueryRunner readerRunner(ExecutionLimits limits, int poolSize, ExecutionMode mode,
                                         boolean planCheck) {
        return runner(READER, READER_PASSWORD, limits, poolSize, mode, planCheck);
    }

    /** A runner logging in as the owner of the tables (a superuser here), as a careless deployment would. */
    public R2dbcQueryRunner ownerRunner(ExecutionLimits limits, int poolSize, ExecutionMode mode, boolean planCheck) {
        return runner("postgres", null, limits, poolSize, mode, planCheck);
    }

    private R2dbcQueryRunner runner(String user, String password, ExecutionLimits limits, int poolSize,
                                    ExecutionMode mode, boolean planCheck) {
        var pool = ConnectionPools.create(datasource(), user, password, poolSize, limits);
        PlanCheck check = null;
        if (planCheck) {
            check = new PlanCheck(PlanCheckProperties.defaults().budget());
            check.seen(ConsultancySchema.snapshot());
        }
        return new R2dbcQueryRunner(Map.of(ConsultancySchema.DATASOURCE, pool), limits, mode, check);
    }

    /** A plain JDBC connection as the owner, for looking at the database from outside the executor. */
    public Connection ownerConnection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** A digest of each table's rows, as the owner sees them: equal digests, unchanged tables. */
    public Map<String, String> fingerprint(List<String> tables) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = ownerConnection(); var s = c.createStatement()) {
            for (String table : tables) {
                try (var rs = s.executeQuery("SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))"
                        + " FROM " + table + " t")) {
                    rs.next();
                    out.put(table, rs.getString(1));
                }
            }
        }
        return out;
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
