package io.dbchat.executor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.ExecutionLimits;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan check alone (no SQL guard), with the executor logged in as the tables' owner, so that nothing but
 * PostgreSQL's plan stands between a statement and the data: what reads unpublished tables or columns, system
 * catalogs, whole rows, or calls a function off the allowlist is refused before it runs; the same forms over
 * published objects run.
 */
class PlanCheckIntegrationTest {

    static ConsultancyDatabase database;
    static R2dbcQueryRunner owner;

    static R2dbcQueryRunner expanding;

    @BeforeAll
    static void start() {
        database = ConsultancyDatabase.start();
        owner = database.ownerRunner(ExecutionLimits.DEFAULTS, 2, ExecutionMode.SESSION, true);
        database.runAsOwner("""
                CREATE VIEW team_pay AS SELECT u.team_id, sum(s.amount) AS total
                    FROM users u JOIN salaries s ON s.user_id = u.id GROUP BY u.team_id;
                CREATE VIEW big_team_pay AS SELECT team_id, total FROM team_pay WHERE total > 1000;
                CREATE TABLE events (id int, kind text, at date, secret text) PARTITION BY RANGE (at);
                CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                INSERT INTO events VALUES (1, 'login', '2025-03-01', 's1'), (2, 'logout', '2026-02-01', 's2');""");
        var snapshot = ConsultancySchema.snapshot();
        List<TableSchema> tables = new ArrayList<>(snapshot.tables());
        tables.add(table("team_pay", "view", "team_id", "total"));
        tables.add(table("big_team_pay", "view", "team_id", "total"));
        tables.add(table("events", "table", "id", "kind", "at"));
        var check = new PlanCheck(PlanCheckProperties.defaults().budget());
        check.seen(new SchemaSnapshot(SchemaSnapshot.VERSION, ConsultancySchema.DATASOURCE, "v-expanded",
                Instant.EPOCH, tables));
        var pool = ConnectionPools.create(database.datasource(), "postgres", null, 1, ExecutionLimits.DEFAULTS);
        expanding = new R2dbcQueryRunner(Map.of(ConsultancySchema.DATASOURCE, pool), ExecutionLimits.DEFAULTS,
                ExecutionMode.SESSION, check);
    }

    @AfterAll
    static void stop() throws Exception {
        owner.close();
        expanding.close();
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT team_id, total FROM team_pay",
            "SELECT b.total FROM big_team_pay b JOIN teams t ON t.id = b.team_id",
            "SELECT kind, count(*) FROM events GROUP BY kind",
            "SELECT e.kind FROM events e WHERE e.at >= DATE '2025-06-01'"})
    void publishedViewsAndPartitionedTablesRunThoughThePlanScansWhatTheyExpandTo(String sql) {
        assertThat(expanding.execute(ConsultancySchema.DATASOURCE, sql).block())
                .isInstanceOf(ExecutionOutcome.Rows.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT secret FROM events",
            "SELECT secret FROM events_2025",
            "SELECT password_hash FROM users",
            "SELECT t.team_id FROM team_pay t, users u WHERE u.password_hash = 'x'"})
    void whatNoPublishedRelationReadsIsStillRefused(String sql) {
        assertThat(expanding.execute(ConsultancySchema.DATASOURCE, sql).block())
                .isInstanceOfSatisfying(ExecutionOutcome.Refused.class,
                        r -> assertThat(r.problem().code()).isEqualTo(PlanJudge.REFUSED));
    }

    private static TableSchema table(String name, String kind, String... columns) {
        return new TableSchema("public", name, kind, null, 0,
                Arrays.stream(columns).map(c -> ColumnSchema.of(c, "text", true)).toList(), List.of(), List.of(),
                List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT amount FROM salaries",
            "SELECT password_hash FROM users",
            "SELECT id FROM users WHERE password_hash LIKE 's%'",
            "SELECT id FROM teams WHERE id = ANY (SELECT length(password_hash) FROM users)",
            "SELECT id FROM teams WHERE id > ALL (SELECT length(password_hash) FROM users)",
            "SELECT '{}'::jsonb ->> (SELECT password_hash FROM users LIMIT 1)",
            "SELECT name FROM teams WHERE name LIKE 'a%' ESCAPE (SELECT substr(password_hash, 1, 1) FROM users LIMIT 1)",
            "SELECT (ARRAY[1, 2, 3])[1:(SELECT length(password_hash) FROM users LIMIT 1)]",
            "SELECT now() AT TIME ZONE (SELECT rolname FROM pg_roles LIMIT 1)",
            "SELECT password_hash FROM users, jsonb_array_elements('[1]') AS password_hash",
            "SELECT password_hash FROM users JOIN jsonb_array_elements_text('[1]') AS password_hash ON true",
            "SELECT rolname FROM pg_roles",
            "SELECT usename FROM pg_user",
            "SELECT query FROM pg_stat_activity",
            "SELECT table_name FROM information_schema.tables",
            "SELECT c FROM clients c",
            "SELECT row_to_json(u) FROM users u",
            "SELECT to_jsonb(users) FROM users",
            "SELECT u::text FROM users u",
            "SELECT xmin, id FROM teams",
            "SELECT t.tableoid FROM teams t",
            "SELECT lo_from_bytea(0, 'x')",
            "SELECT set_config('statement_timeout', '0', false)",
            "SELECT pg_try_advisory_lock(1)",
            "SELECT * FROM query_to_xml('select 1', true, true, '')",
            "SELECT pg_notify('c', 'x')",
            "SELECT pg_sleep(0)",
            "SELECT id FROM teams WHERE EXISTS (SELECT 1 FROM salaries)",
            "SELECT id FROM teams FOR UPDATE",
            "DECLARE c CURSOR WITH HOLD FOR SELECT 1",
            "SELECT 'pg_class'::regclass",
            "SELECT id::regtype FROM teams",
            "SELECT current_user",
            "SELECT session_user",
            "SELECT current_schema",
            "SELECT e FROM users u, LATERAL (SELECT u.password_hash AS e) s"})
    void whatIsNotPublishedOrAllowedIsRefusedBeforeItRuns(String sql) {
        ExecutionOutcome outcome = owner.execute(ConsultancySchema.DATASOURCE, sql).block();

        assertThat(outcome).isInstanceOfSatisfying(ExecutionOutcome.Refused.class,
                r -> assertThat(r.problem().code()).isEqualTo(PlanJudge.REFUSED));
    }

    @Test
    void aDataModifyingWithIsRefusedByTheDatabaseWhilePlanning() {
        ExecutionOutcome outcome = owner.execute(ConsultancySchema.DATASOURCE,
                "WITH d AS (DELETE FROM invoices RETURNING id) SELECT count(*) FROM d").block();

        assertThat(outcome).isInstanceOfSatisfying(ExecutionOutcome.Failed.class, f -> {
            assertThat(f.sqlState()).isEqualTo("0A000");
            assertThat(f.plan().status()).isEqualTo(PlanVerdict.SKIPPED);
            assertThat(f.plan().reason()).contains("could not plan");
        });
        assertThat(owner.execute(ConsultancySchema.DATASOURCE, "SELECT count(*) AS n FROM invoices").block())
                .isInstanceOfSatisfying(ExecutionOutcome.Rows.class,
                        r -> assertThat(((Number) r.rows().getFirst().getFirst()).longValue()).isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT id FROM users WHERE id = ANY (SELECT assignee_id FROM tasks)",
            "SELECT u.full_name, (SELECT count(*) FROM tasks t WHERE t.assignee_id = u.id) FROM users u",
            "SELECT e.value FROM clients c, jsonb_array_elements('[1, 2]') AS e",
            "SELECT g FROM generate_series(1, 3) AS g",
            "SELECT now() AT TIME ZONE 'UTC'",
            "SELECT name FROM teams WHERE name LIKE 'a!%' ESCAPE '!'",
            "SELECT '{\"a\": 1}'::jsonb ->> 'a'",
            "SELECT (ARRAY[1, 2, 3])[1:2]",
            "SELECT count(*) FILTER (WHERE active) AS active, count(*) FROM users",
            "SELECT team_id, rank() OVER (ORDER BY count(*) DESC) FROM users GROUP BY team_id",
            "SELECT DISTINCT status FROM projects ORDER BY status",
            "SELECT name FROM teams UNION SELECT name FROM clients",
            "WITH t AS MATERIALIZED (SELECT id, name FROM teams) SELECT name FROM t",
            "SELECT to_char(hired_at, 'YYYY-MM') AS month, count(*) FROM users GROUP BY 1",
            "SELECT substring(email FROM 1 FOR 3), left(full_name, 2) FROM users",
            "SELECT EXTRACT(year FROM hired_at), hourly_rate::numeric(10,2) FROM users",
            "SELECT p.name, c.name FROM projects p JOIN clients c ON c.id = p.client_id WHERE p.budget > 1000",
            "SELECT id FROM users u WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.assignee_id = u.id)"})
    void theSameFormsOverPublishedObjectsRun(String sql) {
        ExecutionOutcome outcome = owner.execute(ConsultancySchema.DATASOURCE, sql).block();

        assertThat(outcome).isInstanceOf(ExecutionOutcome.Rows.class);
    }

    @Test
    void theRunnerReportsWhetherThePlanCheckRanWhatItEstimatedAndWhyItDidNot() {
        ExecutionOutcome checked = owner.execute(ConsultancySchema.DATASOURCE,
                "SELECT t.name, count(*) FROM teams t JOIN users u ON u.team_id = t.id GROUP BY t.name").block();
        var pool = ConnectionPools.create(database.datasource(), "postgres", null, 1, ExecutionLimits.DEFAULTS);
        ExecutionOutcome unchecked;
        try (var runner = new R2dbcQueryRunner(Map.of(ConsultancySchema.DATASOURCE, pool), ExecutionLimits.DEFAULTS,
                ExecutionMode.SESSION)) {
            unchecked = runner.execute(ConsultancySchema.DATASOURCE, "SELECT name FROM teams").block();
        }

        assertThat(checked).isInstanceOfSatisfying(ExecutionOutcome.Rows.class, r -> {
            assertThat(r.plan().status()).isEqualTo(PlanVerdict.PASSED);
            assertThat(r.plan().estimatedCost()).isPositive();
            assertThat(r.plan().estimatedRows()).isPositive();
        });
        assertThat(unchecked).isInstanceOfSatisfying(ExecutionOutcome.Rows.class, r -> {
            assertThat(r.plan().status()).isEqualTo(PlanVerdict.SKIPPED);
            assertThat(r.plan().reason()).contains("switched off");
        });
    }

    @Test
    void aQueryOverBudgetIsRefusedWithTheEstimate() {
        var check = new PlanCheck(new PlanBudget(1_000, 100_000_000));
        check.seen(ConsultancySchema.snapshot());
        var pool = ConnectionPools.create(database.datasource(), "postgres", null, 1, ExecutionLimits.DEFAULTS);
        try (var runner = new R2dbcQueryRunner(Map.of(ConsultancySchema.DATASOURCE, pool), ExecutionLimits.DEFAULTS,
                ExecutionMode.SESSION, check)) {
            ExecutionOutcome outcome = runner.execute(ConsultancySchema.DATASOURCE,
                    "SELECT count(*) FROM time_entries a, time_entries b, tasks c").block();

            assertThat(outcome).isInstanceOfSatisfying(ExecutionOutcome.Refused.class, r -> {
                assertThat(r.problem().code()).isEqualTo(PlanJudge.TOO_EXPENSIVE);
                assertThat(r.problem().message()).containsPattern("a cost of \\d+, over the limit of 1000");
                assertThat(r.plan().status()).isEqualTo(PlanVerdict.REFUSED);
                assertThat(r.plan().reason()).startsWith(PlanJudge.TOO_EXPENSIVE);
            });
        }
    }
}
