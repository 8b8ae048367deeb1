package io.dbchat.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import io.dbchat.executor.plan.PlanCheck;
import io.dbchat.executor.plan.PlanCheckProperties;
import io.dbchat.executor.stage.ExecutorProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's own row-level security fed by the principal's attributes: a real RLS policy on the embedded database
 * reads {@code current_setting('dbchat.country', true)}, which the executor sets local to each statement's read-only
 * transaction ({@link SessionSettings}); the next statement on the same pooled connection sees none of it.
 */
class RowLevelSecurityIntegrationTest {

    static ConsultancyDatabase db;
    static R2dbcQueryRunner runner;

    @BeforeAll
    static void start() {
        db = ConsultancyDatabase.start();
        db.runAsOwner("""
                ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
                CREATE POLICY clients_by_country ON clients FOR SELECT TO dbchat_reader
                    USING (country = current_setting('dbchat.country', true));
                """);
        ExecutionLimits limits = ExecutorProperties.defaults().executionLimits();
        // one connection, so that every statement reuses the one before it
        var pool = ConnectionPools.create(db.datasource(), ConsultancyDatabase.READER,
                ConsultancyDatabase.READER_PASSWORD, 1, limits);
        var check = new PlanCheck(PlanCheckProperties.defaults().budget(), ds -> null, Set.of("current_setting"));
        check.seen(ConsultancySchema.snapshot());
        runner = new R2dbcQueryRunner(Map.of(ConsultancySchema.DATASOURCE, pool), limits, ExecutionMode.TRANSACTION, check);
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
        db.close();
    }

    @Test
    void theDatabasesPolicySeesThePrincipalsAttributesAndOnlyForItsOwnStatement() throws Exception {
        var settings = new SessionSettings(true, "dbchat", List.of("country"));

        assertThat(count(settings.of(Map.of("country", "DE")))).isEqualTo(owner("DE")).isPositive();
        assertThat(count(settings.of(Map.of("country", "FR")))).isEqualTo(owner("FR")).isPositive();
        assertThat(count(settings.of(Map.of()))).as("an attribute the principal lacks is set empty").isZero();
        assertThat(count(Map.of())).as("the next statement on the connection sees no earlier value").isZero();
    }

    @Test
    void aValueIsBoundNeverSpliced() {
        var settings = new SessionSettings(true, "dbchat", List.of());

        assertThat(count(settings.of(Map.of("country", "DE' OR true; --")))).isZero();
    }

    @Test
    void settingsNeedTheTransactionMode() {
        var session = new R2dbcQueryRunner(Map.of(ConsultancySchema.DATASOURCE, ConnectionPools.create(db.datasource(),
                ConsultancyDatabase.READER, ConsultancyDatabase.READER_PASSWORD, 1,
                ExecutorProperties.defaults().executionLimits())), ExecutorProperties.defaults().executionLimits(),
                ExecutionMode.SESSION, null);
        try (session) {
            var outcome = session.execute(ConsultancySchema.DATASOURCE, "SELECT count(*) FROM clients",
                    Map.of("dbchat.country", "DE")).block();
            assertThat(outcome).isInstanceOf(ExecutionOutcome.Failed.class);
        }
    }

    @Test
    void theAttributesToSetAreNamedOrAllAndPlainIdentifiersOnly() {
        var named = new SessionSettings(true, "dbchat", List.of("country", "user_id"));
        var all = new SessionSettings(true, "app", List.of());

        assertThat(named.of(Map.of("country", "DE", "role", "x"))).containsExactly(
                Map.entry("dbchat.country", "DE"), Map.entry("dbchat.user_id", ""));
        assertThat(all.of(Map.of("country", "DE", "bad name", "x", "Upper", "y"))).containsExactly(
                Map.entry("app.country", "DE"));
        assertThat(SessionSettings.OFF.of(Map.of("country", "DE"))).isEmpty();
    }

    private static long count(Map<String, String> settings) {
        var outcome = runner.execute(ConsultancySchema.DATASOURCE, "SELECT count(*) AS n FROM clients", settings).block();
        assertThat(outcome).isInstanceOf(ExecutionOutcome.Rows.class);
        return ((Number) ((ExecutionOutcome.Rows) outcome).rows().getFirst().getFirst()).longValue();
    }

    private static long owner(String country) throws Exception {
        try (var c = db.ownerConnection(); var st = c.prepareStatement("SELECT count(*) FROM clients WHERE country = ?")) {
            st.setString(1, country);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
