package io.dbchat.executor.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.executor.ConsultancySchema;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.QueryRunner;
import io.dbchat.executor.execution.SessionSettings;
import io.dbchat.executor.guard.SqlGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handler checks each proposal under its asker's policies: the rewritten SQL runs, the answer names them. */
class PolicedQueryHandlerTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    final List<String> ran = new ArrayList<>();
    final List<Map<String, String>> settings = new ArrayList<>();

    @Test
    void theRewrittenSqlRunsAndTheAnswerNamesThePoliciesThatApplied() throws Exception {
        QueryHandler handler = handler(SessionSettings.OFF);

        Execution alice = execution(handler.check(proposal("SELECT count(*) FROM clients", Map.of("region", "DE")),
                ConsultancySchema.snapshot()));
        Execution bob = execution(handler.check(proposal("SELECT count(*) FROM clients", Map.of("region", "US")),
                ConsultancySchema.snapshot()));
        Execution nobody = execution(handler.check(proposal("SELECT count(*) FROM clients", null),
                ConsultancySchema.snapshot()));

        assertThat(alice.sql()).contains("WHERE (country = 'DE') OFFSET 0");
        assertThat(bob.sql()).contains("WHERE (country = 'US') OFFSET 0");
        assertThat(nobody.sql()).contains("WHERE (false) OFFSET 0");
        assertThat(alice.policies()).containsExactly("rows:clients");
        handler.run(alice).toCompletableFuture().get();
        assertThat(ran).containsExactly(alice.sql());
        Ran answered = handler.outcome(alice, new ExecutionOutcome.Rows(List.of(new ColumnMeta("count", "int8")),
                List.of(List.of(3)), false, 1));
        assertThat(answered).isInstanceOfSatisfying(Ran.Result.class, r -> assertThat(r.result())
                .isInstanceOfSatisfying(QueryAnswered.class, a -> assertThat(a.policies()).containsExactly("rows:clients")));
        Ran unpoliced = handler.outcome(execution(handler.check(proposal("SELECT name FROM teams", null),
                ConsultancySchema.snapshot())), new ExecutionOutcome.Rows(List.of(), List.of(), false, 1));
        assertThat(((QueryAnswered) ((Ran.Result) unpoliced).result()).policies()).isNull();
    }

    @Test
    void withRowLevelSecurityOnTheAttributesGoToTheRunner() throws Exception {
        QueryHandler handler = handler(new SessionSettings(true, "dbchat", List.of("region")));

        handler.run(execution(handler.check(proposal("SELECT name FROM teams", Map.of("region", "DE", "x", "y")),
                ConsultancySchema.snapshot()))).toCompletableFuture().get();

        assertThat(settings).containsExactly(Map.of("dbchat.region", "DE"));
    }

    @Test
    void aRunnerThatCannotSetThemRefusesRatherThanRunWithout() throws Exception {
        QueryRunner plain = new QueryRunner() {
            @Override
            public boolean knows(String datasource) {
                return true;
            }

            @Override
            public CompletionStage<ExecutionOutcome> run(String datasource, String sql) {
                return CompletableFuture.completedFuture(new ExecutionOutcome.Rows(List.of(), List.of(), false, 0));
            }
        };

        assertThat(plain.run("ds", "SELECT 1", Map.of("dbchat.region", "DE")).toCompletableFuture().get())
                .isInstanceOf(ExecutionOutcome.Failed.class);
    }

    private QueryHandler handler(SessionSettings rls) throws Exception {
        Path file = dir.resolve("policies.yml");
        Files.writeString(file, """
                datasources:
                  consultancy:
                    rows:
                      clients: "country = :region"
                """);
        QueryRunner runner = new QueryRunner() {
            @Override
            public boolean knows(String datasource) {
                return true;
            }

            @Override
            public CompletionStage<ExecutionOutcome> run(String datasource, String sql) {
                return run(datasource, sql, Map.of());
            }

            @Override
            public CompletionStage<ExecutionOutcome> run(String datasource, String sql, Map<String, String> set) {
                ran.add(sql);
                settings.add(set);
                return CompletableFuture.completedFuture(new ExecutionOutcome.Rows(List.of(), List.of(), false, 0));
            }
        };
        var properties = ExecutorProperties.defaults();
        return new QueryHandler(new SqlGuard(properties.guardLimits()), runner, properties,
                Clock.fixed(NOW, ZoneOffset.UTC), s -> { }, c -> { },
                new PolicyStore(file, Duration.ofSeconds(1), Clock.systemUTC()), rls);
    }

    private static Execution execution(List<Checked> out) {
        return out.stream().filter(Execution.class::isInstance).map(Execution.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no execution in " + out));
    }

    private static SqlProposed proposal(String sql, Map<String, String> attributes) {
        var question = new QuestionAsked(QuestionAsked.VERSION, "q-" + sql.hashCode(), "c-1", "someone",
                ConsultancySchema.DATASOURCE, "?", NOW, null, attributes);
        return SqlProposed.of(question, sql, 1, TranslatorInfo.offline("test"), Usage.NONE, 0, null);
    }
}
