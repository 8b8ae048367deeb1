package io.dbchat.executor.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.executor.ConsultancySchema;
import io.dbchat.executor.execution.ExecutionOutcome;
import io.dbchat.executor.execution.QueryRunner;
import io.dbchat.executor.guard.SqlGuard;
import io.dbchat.executor.plan.PlanJudge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executor topology over a fake runner: statuses, results, failures and refusals on their topics. */
class ExecutorTopologyTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    final Topics topics = Topics.withPrefix("t.");
    final FakeRunner runner = new FakeRunner();
    TopologyTestDriver driver;
    TestInputTopic<String, SqlProposed> sql;
    TestOutputTopic<String, ReplyEvent> replies;
    TestOutputTopic<String, QueryResult> results;
    TestOutputTopic<String, SqlFailed> failures;

    void start(boolean withSchema) {
        var builder = new StreamsBuilder();
        var properties = ExecutorProperties.defaults();
        var handler = new QueryHandler(new SqlGuard(properties.guardLimits()), runner, properties,
                Clock.fixed(NOW, ZoneOffset.UTC));
        ExecutorTopology.build(builder, topics, handler, properties.async());
        var pipeline = new PipelineProperties("127.0.0.1:1", "t.", 1, (short) 1, Duration.ofDays(1),
                Duration.ofMillis(10), 1, null);
        var config = new Properties();
        config.putAll(StageStreams.config("executor", pipeline, topics));
        driver = new TopologyTestDriver(builder.build(), config);
        sql = driver.createInputTopic(topics.sql().name(), topics.sql().key().serializer(),
                topics.sql().value().serializer());
        replies = output(topics.replies());
        results = output(topics.results());
        failures = output(topics.sqlFailures());
        if (withSchema) {
            driver.createInputTopic(topics.schema().name(), topics.schema().key().serializer(),
                    topics.schema().value().serializer()).pipeInput(ConsultancySchema.DATASOURCE,
                    ConsultancySchema.snapshot());
        }
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void answersAGuardedQueryWithStatusesThenRows() {
        start(true);
        runner.answer = s -> new ExecutionOutcome.Rows(List.of(new ColumnMeta("name", "text")),
                List.of(List.of("Data")), false, 3);

        pipe("conv-1", proposal("SELECT name FROM teams", 2));

        assertThat(replies.readKeyValuesToList()).containsExactly(
                KeyValue.pair("conv-1", ReplyEvent.status(question(), ReplySeq.validating(2), "validating", NOW)),
                KeyValue.pair("conv-1", ReplyEvent.status(question(), ReplySeq.executing(2), "executing", NOW)));
        assertThat(results.readKeyValuesToList()).containsExactly(KeyValue.pair("conv-1",
                new QueryAnswered(1, "q-1", proposal("SELECT name FROM teams", 2),
                        List.of(new ColumnMeta("name", "text")), List.of(List.of("Data")), 1, false, 3)));
        assertThat(runner.seen).containsExactly("SELECT name FROM teams LIMIT 1001");
    }

    @Test
    void theRowsAndTheFailuresCarryThePlanChecksVerdict() {
        start(true);
        runner.answer = s -> s.contains("teams")
                ? new ExecutionOutcome.Rows(List.of(new ColumnMeta("name", "text")), List.of(List.of("Data")), false, 3,
                        PlanVerdict.passed(25.5, 12.0))
                : new ExecutionOutcome.Failed("22012", "R2dbcDataIntegrityViolationException", "division by zero",
                        PlanVerdict.passed(3.0, 1.0));

        pipe("conv-1", proposal("SELECT name FROM teams", 1));
        pipe("conv-2", proposal("SELECT 1 / 0 AS x FROM clients", 1));

        assertThat(results.readValuesToList()).singleElement().isInstanceOfSatisfying(QueryAnswered.class,
                a -> assertThat(a.planCheck()).isEqualTo(PlanVerdict.passed(25.5, 12.0)));
        assertThat(failures.readValuesToList()).singleElement()
                .satisfies(f -> assertThat(f.planCheck()).isEqualTo(PlanVerdict.passed(3.0, 1.0)));
    }

    @Test
    void dropsTheSqlOfACancelledQueryWithoutRunningIt() {
        start(true);
        runner.answer = s -> new ExecutionOutcome.Rows(List.of(new ColumnMeta("name", "text")), List.of(List.of("Data")), false, 3);
        driver.createInputTopic(topics.cancellations().name(), topics.cancellations().key().serializer(),
                topics.cancellations().value().serializer()).pipeInput("conv-1", QueryCancelled.of("q-1", "conv-1", "ann", NOW));

        pipe("conv-1", proposal("SELECT name FROM teams", 1));

        assertThat(runner.seen).isEmpty();
        assertThat(replies.isEmpty()).isTrue();
        assertThat(results.isEmpty()).isTrue();
    }

    @Test
    void anEmptyResultStillNamesItsColumns() {
        start(true);
        runner.answer = s -> new ExecutionOutcome.Rows(List.of(), List.of(), false, 2);

        pipe("conv-1", proposal("SELECT name, count(*) FROM teams WHERE name = 'None' GROUP BY name", 1));

        assertThat(results.readValuesToList()).singleElement()
                .satisfies(r -> assertThat(((QueryAnswered) r).columns()).extracting(ColumnMeta::name)
                        .containsExactly("name", "count"));
    }

    @Test
    void aRefusedPlanTravelsAsARejectionWithItsOwnCode() {
        start(true);
        runner.answer = s -> new ExecutionOutcome.Refused(new Problem(PlanJudge.TOO_EXPENSIVE,
                "The database estimates this query at a cost of 20000000, over the limit of 10000000."));

        pipe("conv-1", proposal("SELECT name FROM teams", 1));

        assertThat(results.readValuesToList()).singleElement().isInstanceOfSatisfying(QueryRejected.class, r -> {
            assertThat(r.problem().code()).isEqualTo("sql.too_expensive");
            assertThat(r.problem().message()).contains("a cost of 20000000");
            assertThat(r.planCheck().status()).isEqualTo(PlanVerdict.REFUSED);
            assertThat(r.planCheck().reason()).contains("a cost of 20000000");
        });
        assertThat(failures.readValuesToList()).isEmpty();
    }

    @Test
    void refusesWhatTheGuardRefusesWithoutRunningIt() {
        start(true);

        pipe("conv-1", proposal("SELECT usename FROM pg_catalog.pg_user", 1));

        assertThat(replies.readValuesToList()).extracting(ReplyEvent::stage).containsExactly("validating");
        assertThat(results.readValuesToList()).singleElement().isInstanceOfSatisfying(QueryRejected.class, r -> {
            assertThat(r.problem().code()).isEqualTo("sql.system_catalog");
            assertThat(r.sql()).isEqualTo("SELECT usename FROM pg_catalog.pg_user");
            assertThat(r.planCheck().status()).isEqualTo(PlanVerdict.SKIPPED);
        });
        assertThat(failures.isEmpty()).as("a catalog is not a slip a further attempt may fix").isTrue();
        assertThat(runner.seen).isEmpty();
    }

    @Test
    void passesARefusedNameToTheTranslatorWithTheGuardsReasonWithoutRunningIt() {
        start(true);

        pipe("conv-1", proposal("SELECT budgett FROM projects", 1));
        pipe("conv-1", proposal("SELECT * FROM salaries", 1));

        var failed = failures.readKeyValuesToList();
        assertThat(failed).extracting(f -> f.key, f -> f.value.refusal()).containsExactly(
                tuple("conv-1", new Problem("sql.column_not_allowed", "The column 'budgett' is not available.")),
                tuple("conv-1", new Problem("sql.table_not_allowed", "The table 'salaries' is not available.")));
        assertThat(failed).extracting(f -> f.value.proposal().sql())
                .containsExactly("SELECT budgett FROM projects", "SELECT * FROM salaries");
        assertThat(results.isEmpty()).isTrue();
        assertThat(runner.seen).isEmpty();
    }

    @Test
    void attacksStayFinalWithTheGuardsCode() {
        start(true);

        for (String attack : List.of("SELECT pg_sleep(60)", "DELETE FROM teams", "SELECT * FROM teams FOR UPDATE",
                "SELECT name INTO stolen FROM teams")) {
            pipe("conv-1", proposal(attack, 1));
        }

        assertThat(results.readValuesToList()).extracting(r -> ((QueryRejected) r).problem().code()).containsExactly(
                "sql.function_not_allowed", "sql.not_a_query", "sql.locking_clause", "sql.select_into");
        assertThat(failures.isEmpty()).isTrue();
    }

    @Test
    void refusesWhileTheSchemaIsUnknown() {
        start(false);

        pipe("conv-1", proposal("SELECT name FROM teams", 1));

        assertThat(results.readValuesToList()).singleElement().isInstanceOfSatisfying(QueryRejected.class, r -> {
            assertThat(r.problem().code()).isEqualTo("no_schema");
            assertThat(r.problem().message()).isEqualTo("The schema of 'consultancy' is not known yet.");
        });
    }

    @Test
    void refusesAnUnknownDatasource() {
        start(true);
        runner.known = false;

        pipe("conv-1", proposal("SELECT name FROM teams", 1));

        assertThat(results.readValuesToList()).singleElement().isInstanceOfSatisfying(QueryRejected.class,
                r -> assertThat(r.problem().code()).isEqualTo("unknown_datasource"));
    }

    @Test
    void passesAnSqlErrorToTheTranslatorForARetry() {
        start(true);
        runner.answer = s -> new ExecutionOutcome.Failed("42883", "BadGrammar", "operator does not exist: text > integer");

        pipe("conv-1", proposal("SELECT name FROM teams WHERE name > 1", 1));

        assertThat(failures.readKeyValuesToList()).containsExactly(KeyValue.pair("conv-1", SqlFailed.of(
                proposal("SELECT name FROM teams WHERE name > 1", 1), "BadGrammar", "42883",
                "operator does not exist: text > integer")));
        assertThat(results.isEmpty()).isTrue();
    }

    @Test
    void stopsATimedOutQueryWithAReason() {
        start(true);
        runner.answer = s -> new ExecutionOutcome.Failed("57014", "Cancelled", "canceling statement due to statement timeout");

        pipe("conv-1", proposal("SELECT count(*) FROM time_entries", 1));

        assertThat(results.readValuesToList()).singleElement().isInstanceOfSatisfying(QueryRejected.class, r -> {
            assertThat(r.problem().code()).isEqualTo("query_timeout");
            assertThat(r.problem().message()).isEqualTo("The query took longer than 5 s and was stopped.");
        });
    }

    @Test
    void aStatementRunningForACancelledQueryIsCancelledAndTheConversationGoesOn() {
        start(true);
        var running = new CompletableFuture<ExecutionOutcome>();
        runner.running = running;
        pipe("conv-1", proposal("SELECT name FROM teams", 1));
        assertThat(runner.seen).hasSize(1);

        driver.createInputTopic(topics.cancellations().name(), topics.cancellations().key().serializer(),
                topics.cancellations().value().serializer()).pipeInput("conv-1", QueryCancelled.of("q-1", "conv-1", "ann", NOW));
        driver.advanceWallClockTime(Duration.ofMillis(10));
        runner.running = null;
        var next = QuestionAsked.of("q-2", "conv-1", "ann", ConsultancySchema.DATASOURCE, "Which teams?", NOW);
        pipe("conv-1", SqlProposed.of(next, "SELECT id FROM teams", 1, TranslatorInfo.offline("1"), Usage.NONE, 5, "v-test"));

        assertThat(running).as("the runner's statement, whose cancel stops it in the database").isCancelled();
        assertThat(results.readValuesToList()).extracting(QueryResult::queryId).containsExactly("q-2");
        assertThat(runner.seen).hasSize(2);
    }

    @Test
    void goesOnAfterARunnerThatThrows() {
        start(true);
        runner.answer = s -> {
            throw new IllegalStateException("pool closed");
        };
        pipe("conv-1", proposal("SELECT name FROM teams", 1));
        runner.answer = s -> new ExecutionOutcome.Rows(List.of(), List.of(), false, 1);

        pipe("conv-1", proposal("SELECT id FROM teams", 1));

        assertThat(results.readValuesToList()).extracting(r -> r.getClass().getSimpleName())
                .containsExactly("QueryRejected", "QueryAnswered");
    }

    /** Pipes a proposal and lets the wall clock tick, so that finished runs are collected and forwarded. */
    private void pipe(String key, SqlProposed proposal) {
        sql.pipeInput(key, proposal);
        driver.advanceWallClockTime(Duration.ofMillis(10));
    }

    static QuestionAsked question() {
        return QuestionAsked.of("q-1", "conv-1", "ann", ConsultancySchema.DATASOURCE, "Which teams?", NOW);
    }

    static SqlProposed proposal(String sql, int attempt) {
        return SqlProposed.of(question(), sql, attempt, TranslatorInfo.offline("1"), Usage.NONE, 5, "v-test");
    }

    private <V> TestOutputTopic<String, V> output(io.dbchat.contracts.topics.Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.key().deserializer(), topic.value().deserializer());
    }

    /** Answers with a configured outcome and records the SQL it was asked to run. */
    static final class FakeRunner implements QueryRunner {
        final List<String> seen = new ArrayList<>();
        Function<String, ExecutionOutcome> answer = s -> new ExecutionOutcome.Rows(List.of(), List.of(), false, 0);
        boolean known = true;
        /** When set, what every run returns instead of an outcome: a statement still running. */
        CompletableFuture<ExecutionOutcome> running;

        @Override
        public boolean knows(String datasource) {
            return known;
        }

        @Override
        public CompletionStage<ExecutionOutcome> run(String datasource, String sql) {
            seen.add(sql);
            return running != null ? running : CompletableFuture.completedFuture(answer.apply(sql));
        }
    }
}
