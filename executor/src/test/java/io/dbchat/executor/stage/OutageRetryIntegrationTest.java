package io.dbchat.executor.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.ExecutionLimits;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.QueryRunner;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** A database stopped under the executor and started again: queries wait it out, or fail without naming the host. */
class OutageRetryIntegrationTest {

    private Path data;
    private int port;
    private EmbeddedPostgres postgres;
    private R2dbcQueryRunner runner;
    private final CountDownLatch unreachableSeen = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        data = Files.createTempDirectory("outage-pg-");
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = startPostgres();
        var datasource = new DatasourceProperties("db", "postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
        runner = new R2dbcQueryRunner(Map.of("db", ConnectionPools.create(datasource, null, null, 2, ExecutionLimits.DEFAULTS)),
                ExecutionLimits.DEFAULTS, ExecutionMode.SESSION);
    }

    @AfterEach
    void stop() throws IOException {
        runner.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aQueryAskedWhileTheDatabaseIsDownIsAnsweredOnceItIsBack() throws Exception {
        var retry = new OutageRetry(observed(runner), List.of("db"), Duration.ofSeconds(60), Clock.systemUTC());
        assertThat(retry.run("db", "SELECT 1 AS one").toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionOutcome.Rows.class);

        postgres.close();
        postgres = null;
        CompletableFuture<ExecutionOutcome> waiting = retry.run("db", "SELECT 2 AS two").toCompletableFuture();
        assertThat(unreachableSeen.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(waiting).isNotDone();
        assertThat(retry.health().getStatus()).isEqualTo(Status.DOWN);

        postgres = startPostgres();
        ExecutionOutcome outcome = waiting.get(60, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOfSatisfying(ExecutionOutcome.Rows.class,
                rows -> assertThat(rows.rows()).containsExactly(List.of(2)));
        assertThat(retry.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void healthTriesTheDatabaseItself() throws Exception {
        var retry = new OutageRetry(runner, List.of("db"), Duration.ofSeconds(30), Clock.systemUTC());
        assertThat(retry.health().getStatus()).isEqualTo(Status.UP);

        postgres.close();
        postgres = null;
        assertThat(retry.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(retry.health().getDetails()).containsKey("db");

        postgres = startPostgres();
        assertThat(retry.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aDatabaseDownLongerThanTheLimitGivesAnErrorThatNamesNoHost() throws Exception {
        postgres.close();
        postgres = null;
        var retry = new OutageRetry(runner, List.of("db"), Duration.ofSeconds(1), Clock.systemUTC());

        ExecutionOutcome outcome = retry.run("db", "SELECT 1").toCompletableFuture().get(60, TimeUnit.SECONDS);
        Ran event = Outcomes.event(proposal(), outcome, Duration.ofSeconds(5));

        assertThat(OutageRetry.unreachable(outcome)).isTrue();
        Object published = event instanceof Ran.Result r ? r.result() : event;
        assertThat(published).isInstanceOfSatisfying(QueryRejected.class, rejected -> {
            assertThat(rejected.problem().code()).isEqualTo("unavailable");
            assertThat(rejected.problem().message()).contains("could not be reached")
                    .doesNotContain("127.0.0.1").doesNotContain(Integer.toString(port));
        });
        assertThat(retry.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(retry.health().getDetails()).containsKey("db");
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    /** The runner, counting down when it first reports the database unreachable. */
    private QueryRunner observed(QueryRunner delegate) {
        return new QueryRunner() {
            @Override
            public boolean knows(String datasource) {
                return delegate.knows(datasource);
            }

            @Override
            public CompletionStage<ExecutionOutcome> run(String datasource, String sql) {
                return delegate.run(datasource, sql).whenComplete((outcome, error) -> {
                    if (OutageRetry.unreachable(outcome)) {
                        unreachableSeen.countDown();
                    }
                });
            }
        };
    }

    private static SqlProposed proposal() {
        var question = QuestionAsked.of("q-1", "c-1", "tester", "db", "How many?", Instant.EPOCH);
        return SqlProposed.of(question, "SELECT 1", 1, TranslatorInfo.offline("t"), Usage.NONE, 0, "v-test");
    }
}
