package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import io.dbchat.executor.execution.ExecutionLimits;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the guard accepts and rewrites still runs: every legitimate query, as rewritten (stars expanded,
 * limits set), answers on PostgreSQL as the reader role, whose grants leave out what the snapshot does. The
 * generated positions are among them, so each position the attacks probe is a real place PostgreSQL evaluates.
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
}
