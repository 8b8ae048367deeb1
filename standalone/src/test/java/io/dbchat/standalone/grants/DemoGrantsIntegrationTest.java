package io.dbchat.standalone.grants;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.ExecutionLimits;
import io.dbchat.executor.role.RoleCheck;
import io.dbchat.standalone.infra.EmbeddedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's reader role is the one {@code dbchat grants} makes: the shipped demo/readonly-role.sql is exactly
 * the command's output for the demo database with the demo's denylist (users.password_hash), and the executor's
 * look at that role finds nothing it may do beyond reading.
 */
class DemoGrantsIntegrationTest {

    static final String[] DEMO_ARGUMENTS = {"--exclude-columns", "users.password_hash", "--role", "dbchat_reader",
            "--role-password", "dbchat_reader"};

    @TempDir
    static Path dataDir;
    static EmbeddedDatabase database;

    @BeforeAll
    static void start() {
        database = new EmbeddedDatabase(dataDir, 0).start();
        database.ensureDemoDatabase();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theShippedDemoRoleIsTheGeneratedOne() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>();
        env.put("DBCHAT_DATASOURCE_USERNAME", database.username());
        if (database.password() != null) {
            env.put("DBCHAT_DATASOURCE_PASSWORD", database.password());
        }
        String[] args = new String[DEMO_ARGUMENTS.length + 2];
        args[0] = "--datasource";
        args[1] = demoUrl();
        System.arraycopy(DEMO_ARGUMENTS, 0, args, 2, DEMO_ARGUMENTS.length);

        int exit = GrantsCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(shipped());
    }

    @Test
    void theDemoReaderMayDoNothingButRead() {
        var pool = ConnectionPools.create(new DatasourceProperties("demo", demoUrl(), null, null),
                database.readerUsername(), database.readerPassword(), 1, ExecutionLimits.DEFAULTS);
        try {
            RoleCheck check = new RoleCheck(Map.of("demo", pool), false);
            check.inspectAll();

            assertThat(check.findings()).containsEntry("demo", List.of());
        } finally {
            pool.dispose();
        }
    }

    private static String demoUrl() {
        return "postgresql://" + database.host() + ":" + database.port() + "/" + EmbeddedDatabase.DEMO;
    }

    private static String shipped() throws IOException {
        try (InputStream in = DemoGrantsIntegrationTest.class.getResourceAsStream("/demo/readonly-role.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
