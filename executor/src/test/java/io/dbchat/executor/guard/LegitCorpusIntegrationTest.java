package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import io.dbchat.executor.execution.ExecutionLimits;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the guard accepts and rewrites still runs: every legitimate query, as rewritten (stars expanded,
 * limits set), answers on PostgreSQL as the reader role, whose grants leave out what the snapshot does. The
 * generated positions are among them, so each position the attacks probe is a real place PostgreSQL evaluates.
 * And what the guard lets through of attacks-v3.tsv, for its policed principal, returns nothing denied.
 */
class LegitCorpusIntegrationTest {

    static ConsultancyDatabase database;
    static R2dbcQueryRunner runner;
    final SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);

    @BeforeAll
    static void start() {
        database = ConsultancyDatabase.start();
        runner = database.readerRunner(ExecutionLimits.DEFAULTS, 4);
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
        database.close();
    }

    static final ExecutionLimits SHORT = new ExecutionLimits(Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(5), 1000, 4L * 1024 * 1024);
    /** Values only a denied column, table or row holds in the test database. */
    static final List<String> DENIED_VALUES = List.of("secret-", "90000", "70000", "@example.com", "80.25",
            "Globex", "Initech", "Design API", "Logo", "Load");
    static final List<String> TABLES = List.of("teams", "users", "clients", "projects", "tasks", "time_entries",
            "invoices", "invoice_lines", "skills", "user_skills", "salaries");

    static Stream<String> legit() {
        return Stream.concat(GuardCorpus.legit().stream(), GeneratedCorpus.legit().stream().map(GeneratedCorpus.Case::sql));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("legit")
    void rewrittenQueryRunsAsTheReader(String sql) {
        GuardResult verdict = guard.check(sql, ConsultancySchema.snapshot());
        assertThat(verdict).isInstanceOf(GuardResult.Accepted.class);

        ExecutionOutcome outcome = runner.execute(ConsultancySchema.DATASOURCE,
                ((GuardResult.Accepted) verdict).sql()).block();

        assertThat(outcome).isInstanceOf(ExecutionOutcome.Rows.class);
    }

    /**
     * The guard as the only barrier: what it accepts of attacks-v3.tsv runs as the tables' owner without the plan
     * check, and must return none of the values the principal may not see (password hashes, salaries, the hidden
     * emails and rates, the clients and tasks its row filters drop) and leave every table as it was.
     */
    @Test
    void whatTheGuardAcceptsOfTheV3AttacksReturnsNothingDeniedAndChangesNothing() throws Exception {
        Map<String, String> before = database.fingerprint(TABLES);
        List<String> leaked = new ArrayList<>();
        int ran = 0;
        try (R2dbcQueryRunner owner = database.ownerRunner(SHORT, 1, ExecutionMode.SESSION, false)) {
            for (GuardCorpus.Attack attack : GuardCorpus.attacksV3()) {
                if (guard.check(attack.sql(), ConsultancySchema.snapshot(), GuardCorpus.V3_SCOPE)
                        instanceof GuardResult.Accepted accepted) {
                    ran++;
                    String shown = switch (owner.execute(ConsultancySchema.DATASOURCE, accepted.sql()).block()) {
                        case ExecutionOutcome.Rows r -> r.rows().toString();
                        case ExecutionOutcome.Failed f -> f.message();
                        case ExecutionOutcome.Refused r -> r.problem().message();
                    };
                    if (DENIED_VALUES.stream().anyMatch(shown::contains)) {
                        leaked.add(attack + " -> " + accepted.sql() + " -> " + shown);
                    }
                }
            }
        }

        assertThat(ran).as("the safe entries that pass were run").isPositive();
        assertThat(leaked).isEmpty();
        assertThat(database.fingerprint(TABLES)).isEqualTo(before);
    }
}
