package io.dbchat.executor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import io.dbchat.executor.execution.ExecutionLimits;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import io.dbchat.executor.guard.GeneratedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard's whole attack corpus with the guard off and the executor logged in as the tables' owner, so that
 * only the plan check and the read-only session stand in the way: no statement returns a protected value
 * (the password hashes, the salaries), and afterwards every table, the large objects and the advisory locks
 * are as they were, and the statement timeout still holds on the pooled connection.
 */
@ParameterizedClass
@EnumSource(ExecutionMode.class)
class PlanCheckCorpusIntegrationTest {

    static final ExecutionLimits LIMITS = new ExecutionLimits(Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(5), 1000, 4L * 1024 * 1024);
    static final List<String> TABLES = List.of("teams", "users", "clients", "projects", "tasks", "time_entries",
            "invoices", "invoice_lines", "skills", "user_skills", "salaries");

    static ConsultancyDatabase database;

    @Parameter
    ExecutionMode mode;

    @BeforeAll
    static void start() {
        database = ConsultancyDatabase.start();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = "/guard/attacks.tsv")
    void noAttackReadsProtectedValuesOrLeavesATrace(String corpus) throws Exception {
        Map<String, String> before = fingerprint();
        List<String> leaked = new ArrayList<>();
        try (R2dbcQueryRunner owner = database.ownerRunner(LIMITS, 1, mode, true)) {
            for (String sql : attacks(corpus)) {
                String shown = shown(owner.execute(ConsultancySchema.DATASOURCE, sql).block());
                if (isProtected(shown)) {
                    leaked.add(sql + " -> " + shown);
                }
            }
            var unguarded = database.ownerRunner(LIMITS, 1, mode, false);
            try (unguarded) {
                assertThat(unguarded.execute(ConsultancySchema.DATASOURCE, "SELECT pg_sleep(10)").block())
                        .isInstanceOfSatisfying(ExecutionOutcome.Failed.class,
                                f -> assertThat(f.sqlState()).isEqualTo("57014"));
            }
        }

        assertThat(leaked).isEmpty();
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** The generated corpus (every expression position, each with four hostile subqueries), plan check alone. */
    @Test
    void noGeneratedAttackReadsProtectedValuesOrLeavesATrace() throws Exception {
        Map<String, String> before = fingerprint();
        List<String> leaked = new ArrayList<>();
        try (R2dbcQueryRunner owner = database.ownerRunner(LIMITS, 1, mode, true)) {
            for (GeneratedCorpus.Case attack : GeneratedCorpus.attacks()) {
                String shown = shown(owner.execute(ConsultancySchema.DATASOURCE, attack.sql()).block());
                if (isProtected(shown)) {
                    leaked.add(attack.sql() + " -> " + shown);
                }
            }
        }

        assertThat(leaked).as("generated attacks the plan check let run").isEmpty();
        assertThat(fingerprint()).isEqualTo(before);
    }

    private static String shown(ExecutionOutcome outcome) {
        return switch (outcome) {
            case ExecutionOutcome.Rows r -> r.rows().toString();
            case ExecutionOutcome.Failed f -> f.message();
            case ExecutionOutcome.Refused r -> r.problem().message();
        };
    }

    /** The password hashes and the salaries of the test database, as they would show in rows or messages. */
    private static boolean isProtected(String shown) {
        return shown.contains("secret-") || shown.contains("90000.00") || shown.contains("70000.00");
    }

    private static List<String> attacks(String corpus) throws IOException {
        try (InputStream in = PlanCheckCorpusIntegrationTest.class.getResourceAsStream(corpus)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 2)[1])
                    .toList();
        }
    }

    private static Map<String, String> fingerprint() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = database.ownerConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                out.put(table, single(s, "SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM "
                        + table + " t"));
            }
            out.put("large objects", single(s, "SELECT count(*) FROM pg_largeobject_metadata"));
            out.put("advisory locks", single(s, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
            out.put("tables", single(s, "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class "
                    + "WHERE relnamespace = 'public'::regnamespace"));
        }
        return out;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
