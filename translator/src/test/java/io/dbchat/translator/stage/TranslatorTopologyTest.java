package io.dbchat.translator.stage;

import static io.dbchat.translator.Fixtures.PROJECTS;
import static io.dbchat.translator.Fixtures.SCHEMA;
import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.llm.LlmStub;
import io.dbchat.llm.LlmStub.Reply;
import io.dbchat.translator.ScriptedTranslator;
import io.dbchat.translator.Translation;
import io.dbchat.translator.Translator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TranslatorTopologyTest {

    final Topics topics = Topics.withPrefix("dbchat.");
    TopologyTestDriver driver;
    TestInputTopic<String, SchemaSnapshot> schema;
    TestInputTopic<String, QuestionAsked> questions;
    TestInputTopic<String, SqlFailed> failures;
    TestOutputTopic<String, SqlProposed> sql;
    TestOutputTopic<String, QueryResult> results;
    TestOutputTopic<String, ReplyEvent> replies;

    static final Problem MISSPELLED = new Problem("sql.column_not_allowed", "The column 'budgett' is not available.");

    void start(Translator translator) {
        start(translator, Duration.ofSeconds(2));
    }

    /** {@code callTimeout} runs on the driver's wall clock, which the waits below advance faster than real time. */
    void start(Translator translator, Duration callTimeout) {
        var builder = new StreamsBuilder();
        var options = new TranslatorTopology.Options(2, new AsyncSettings(8, callTimeout, Duration.ofMillis(5)));
        TranslatorTopology.build(builder, topics, translator, options, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        var props = new Properties();
        props.putAll(StageStreams.config("translator", new PipelineProperties("127.0.0.1:1", "dbchat.", 1, (short) 1,
                Duration.ofDays(1), Duration.ofMillis(10), 1, null), topics));
        driver = new TopologyTestDriver(builder.build(), props);
        schema = input(topics.schema());
        questions = input(topics.questions());
        failures = input(topics.sqlFailures());
        sql = output(topics.sql());
        results = output(topics.results());
        replies = output(topics.replies());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void translatesAQuestionIntoSqlKeyedByConversationAfterAStatus() {
        start(ScriptedTranslator.answering(false, "SELECT count(*) AS count FROM users"));
        schema.pipeInput("demo", SCHEMA);

        questions.pipeInput("c-1", ask("How many users are there?"));

        var proposed = sql.readKeyValue();
        assertThat(proposed.key).isEqualTo("c-1");
        assertThat(proposed.value.sql()).isEqualTo("SELECT count(*) AS count FROM users");
        assertThat(proposed.value.attempt()).isEqualTo(1);
        assertThat(proposed.value.schemaVersion()).isEqualTo("v-1");
        assertThat(proposed.value.translator()).isEqualTo(ScriptedTranslator.INFO);
        var status = replies.readValue();
        assertThat(status.type()).isEqualTo(ReplyType.STATUS);
        assertThat(status.stage()).isEqualTo("translating");
        assertThat(status.seq()).isEqualTo(11);
        assertThat(results.isEmpty()).isTrue();
    }

    @Test
    void dropsTheQuestionOfACancelledQueryWithoutTranslatingIt() {
        var asked = new java.util.concurrent.atomic.AtomicInteger();
        start(new ScriptedTranslator(false, r -> {
            asked.incrementAndGet();
            return new Translation.Refusal(ErrorCode.UNTRANSLATABLE.problem("never asked"), ScriptedTranslator.INFO);
        }));
        schema.pipeInput("demo", SCHEMA);
        QuestionAsked question = ask("How many users are there?");
        input(topics.cancellations()).pipeInput("c-1", QueryCancelled.of(question.queryId(), "c-1", "p", Instant.EPOCH));

        questions.pipeInput("c-1", question);
        driver.advanceWallClockTime(Duration.ofMillis(50));

        assertThat(asked).hasValue(0);
        assertThat(sql.isEmpty()).isTrue();
        assertThat(replies.isEmpty()).isTrue();
        assertThat(results.isEmpty()).isTrue();
    }

    @Test
    void aModelCallUnderWayForACancelledQueryIsInterruptedAndNothingComesOfIt() throws Exception {
        var started = new java.util.concurrent.CountDownLatch(1);
        var interrupted = new java.util.concurrent.CountDownLatch(1);
        start(new ScriptedTranslator(true, r -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return new Translation.Refusal(ErrorCode.UNTRANSLATABLE.problem("too late"), ScriptedTranslator.INFO);
        }), Duration.ofMinutes(10));
        schema.pipeInput("demo", SCHEMA);
        QuestionAsked question = ask("How many users are there?");
        questions.pipeInput("c-1", question);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        input(topics.cancellations()).pipeInput("c-1", QueryCancelled.of(question, "p", Instant.EPOCH));
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
             interrupted.getCount() > 0 && System.nanoTime() < deadline; ) {
            driver.advanceWallClockTime(Duration.ofMillis(10));
            Thread.sleep(10);
        }
        driver.advanceWallClockTime(Duration.ofMillis(50));

        assertThat(interrupted.getCount()).as("the model call was interrupted").isZero();
        assertThat(sql.isEmpty()).isTrue();
        assertThat(results.isEmpty()).isTrue();
    }

    @Test
    void rejectsAQuestionItCannotTranslateWithAReason() {
        start(new ScriptedTranslator(false, r -> new Translation.Refusal(
                ErrorCode.UNTRANSLATABLE.problem("I cannot answer that: no salaries here."), ScriptedTranslator.INFO)));
        schema.pipeInput("demo", SCHEMA);

        questions.pipeInput("c-1", ask("What is the meaning of life?"));

        var rejected = (QueryRejected) results.readValue();
        assertThat(rejected.problem().code()).isEqualTo("untranslatable");
        assertThat(rejected.problem().message()).isEqualTo("I cannot answer that: no salaries here.");
        assertThat(rejected.translator()).isEqualTo(ScriptedTranslator.INFO);
        assertThat(sql.isEmpty()).isTrue();
    }

    @Test
    void rejectsAQuestionAboutADatasourceWithoutSchema() {
        start(ScriptedTranslator.answering(false, "SELECT 1"));

        questions.pipeInput("c-1", ask("How many users are there?"));

        var rejected = (QueryRejected) results.readValue();
        assertThat(rejected.problem().code()).isEqualTo("no_schema");
        assertThat(rejected.problem().message()).contains("'demo'");
    }

    @Test
    void endsTheQueryWithTheDatabasesReasonWhenTheTranslatorCannotCorrectItself() {
        start(ScriptedTranslator.answering(false, "SELECT 1"));
        schema.pipeInput("demo", SCHEMA);

        failures.pipeInput("c-1", failure(1, "SELECT nope FROM users", "column \"nope\" does not exist"));

        var rejected = (QueryRejected) results.readValue();
        assertThat(rejected.problem().code()).isEqualTo("sql_failed");
        assertThat(rejected.problem().message()).contains("column \"nope\" does not exist");
        assertThat(rejected.sql()).isEqualTo("SELECT nope FROM users");
    }

    @Test
    void aRemoteTranslationRunsOffTheStreamThreadAndArrivesLater() throws Exception {
        var release = new CountDownLatch(1);
        start(new ScriptedTranslator(true, r -> {
            await(release);
            return ScriptedTranslator.sql("SELECT count(*) FROM users");
        }));
        schema.pipeInput("demo", SCHEMA);

        questions.pipeInput("c-1", ask("How many users are there?"));
        questions.pipeInput("c-2", ask("q-2", "c-2", "How many projects?"));

        assertThat(sql.isEmpty()).isTrue();
        release.countDown();
        List<SqlProposed> out = awaitSql(2);
        assertThat(out).extracting(SqlProposed::queryId).containsExactlyInAnyOrder(ask("How many users are there?").queryId(), "q-2");
        assertThat(out).allSatisfy(p -> assertThat(p.attempt()).isEqualTo(1));
    }

    @Test
    void keepsTheOrderOfAConversationsQuestions() throws Exception {
        var translator = new ScriptedTranslator(true, r -> ScriptedTranslator.sql("SELECT '" + r.question().queryId() + "'"));
        start(translator);
        schema.pipeInput("demo", SCHEMA);

        for (int i = 1; i <= 5; i++) {
            questions.pipeInput("c-1", ask("q-" + i, "c-1", "question " + i));
        }

        assertThat(awaitSql(5)).extracting(SqlProposed::queryId).containsExactly("q-1", "q-2", "q-3", "q-4", "q-5");
        assertThat(translator.requests()).extracting(r -> r.question().queryId())
                .containsExactly("q-1", "q-2", "q-3", "q-4", "q-5");
    }

    @Test
    void aFailedSqlIsCorrectedWithTheFailureInHandAsANewAttempt() throws Exception {
        var translator = ScriptedTranslator.answering(true, "SELECT name FROM projects WHERE status = 'On Hold'");
        start(translator);
        schema.pipeInput("demo", PROJECTS);

        failures.pipeInput("c-1", failure(1, "SELECT nme FROM projects", "column \"nme\" does not exist"));

        SqlProposed corrected = awaitSql(1).getFirst();
        assertThat(corrected.attempt()).isEqualTo(2);
        assertThat(corrected.schemaVersion()).isEqualTo("v-2");
        var request = translator.requests().getFirst();
        assertThat(request.attempt()).isEqualTo(2);
        assertThat(request.previousFailure().message()).isEqualTo("column \"nme\" does not exist");
        assertThat(request.previousFailure().proposal().sql()).isEqualTo("SELECT nme FROM projects");
        var status = replies.readValue();
        assertThat(status.seq()).isEqualTo(21);
        assertThat(status.stage()).isEqualTo("translating");
    }

    @Test
    void afterTheLastCorrectionTheQueryEndsWithTheDatabasesReason() {
        var translator = ScriptedTranslator.answering(true, "SELECT 1");
        start(translator);
        schema.pipeInput("demo", PROJECTS);

        failures.pipeInput("c-1", failure(3, "SELECT nme FROM projects", "column \"nme\" does not exist"));

        var rejected = (QueryRejected) results.readValue();
        assertThat(rejected.problem().code()).isEqualTo("sql_failed");
        assertThat(rejected.problem().message()).contains("after 3 attempts").contains("column \"nme\" does not exist");
        assertThat(translator.requests()).isEmpty();
    }

    @Test
    void sqlTheCallerWroteIsNeverRewrittenAfterItFails() {
        var translator = ScriptedTranslator.answering(true, "SELECT 1");
        start(translator);
        schema.pipeInput("demo", PROJECTS);
        var written = SqlProposed.of(ask("SELECT nme FROM projects"), "SELECT nme FROM projects", 1,
                TranslatorInfo.user("mcp"), null, 0, "v-2");

        failures.pipeInput("c-1", SqlFailed.of(written, "undefined_column", "42703", "column \"nme\" does not exist"));

        var rejected = (QueryRejected) results.readValue();
        assertThat(rejected.problem().code()).isEqualTo("sql_failed");
        assertThat(rejected.problem().message()).contains("column \"nme\" does not exist");
        assertThat(rejected.translator().label()).isEqualTo("user (mcp)");
        assertThat(translator.requests()).isEmpty();
    }

    @Test
    void aRefusedNameIsCorrectedWithTheRefusalAndTheRealColumnsInTheSecondPrompt() throws Exception {
        try (var stub = new LlmStub()) {
            stub.enqueue(Reply.text("SELECT name, budgett FROM projects"), Reply.text("SELECT name, budget FROM projects"));
            start(StageHarness.llm(stub, Duration.ofSeconds(10), "gpt-4o-mini"), Duration.ofMinutes(5));
            schema.pipeInput("demo", PROJECTS);

            questions.pipeInput("c-1", ask("What is the budget of each project?"));
            SqlProposed first = awaitSql(1).getFirst();
            failures.pipeInput("c-1", SqlFailed.refused(first, MISSPELLED));
            SqlProposed second = awaitSql(1).getFirst();

            assertThat(first.attempt()).isEqualTo(1);
            assertThat(second.attempt()).isEqualTo(2);
            assertThat(second.sql()).isEqualTo("SELECT name, budget FROM projects");
            assertThat(stub.requests()).hasSize(2);
            assertThat(stub.requests().getFirst().prompt()).doesNotContain("refused");
            assertThat(stub.requests().get(1).prompt())
                    .contains("SELECT name, budgett FROM projects")
                    .contains("The SQL check refused it: The column 'budgett' is not available.")
                    .contains("- projects: id, team_id, name, budget, status, priority");
            assertThat(results.isEmpty()).isTrue();
        }
    }

    @Test
    void aRefusedTableIsCorrectedWithTheTablesThereAre() throws Exception {
        try (var stub = new LlmStub()) {
            stub.enqueue(Reply.text("SELECT count(*) FROM project"), Reply.text("SELECT count(*) FROM projects"));
            start(StageHarness.llm(stub, Duration.ofSeconds(10), "gpt-4o-mini"), Duration.ofMinutes(5));
            schema.pipeInput("demo", PROJECTS);

            questions.pipeInput("c-1", ask("How many projects are there?"));
            failures.pipeInput("c-1", SqlFailed.refused(awaitSql(1).getFirst(),
                    new Problem("sql.table_not_allowed", "The table 'project' is not available.")));

            assertThat(awaitSql(1)).extracting(SqlProposed::sql).containsExactly("SELECT count(*) FROM projects");
            assertThat(stub.requests().get(1).prompt()).contains("The table 'project' is not available.")
                    .contains("The tables are: teams, projects.");
        }
    }

    @Test
    void afterTheLastCorrectionARefusalEndsTheQueryWithTheGuardsCode() {
        var translator = ScriptedTranslator.answering(true, "SELECT 1");
        start(translator);
        schema.pipeInput("demo", PROJECTS);
        var third = SqlProposed.of(ask("What is the budget?"), "SELECT budgett FROM projects", 3, ScriptedTranslator.INFO,
                null, 1, "v-2");

        failures.pipeInput("c-1", SqlFailed.refused(third, MISSPELLED));

        assertThat(results.readValue()).isInstanceOfSatisfying(QueryRejected.class, r -> {
            assertThat(r.problem()).isEqualTo(MISSPELLED);
            assertThat(r.sql()).isEqualTo("SELECT budgett FROM projects");
        });
        assertThat(translator.requests()).isEmpty();
    }

    @Test
    void aRefusalOfSqlNoModelWroteIsNotSentToTheModel() {
        var translator = ScriptedTranslator.answering(true, "SELECT 1");
        start(translator);
        schema.pipeInput("demo", PROJECTS);
        var offline = SqlProposed.of(ask("budget?"), "SELECT budgett FROM projects", 1, TranslatorInfo.offline("v2"),
                null, 1, "v-2");
        var written = SqlProposed.of(ask("mine"), "SELECT budgett FROM projects", 1, TranslatorInfo.user("mcp"), null, 1,
                "v-2");

        failures.pipeInput("c-1", SqlFailed.refused(offline, MISSPELLED));
        failures.pipeInput("c-1", SqlFailed.refused(written, MISSPELLED));

        assertThat(results.readValuesToList()).extracting(r -> ((QueryRejected) r).problem())
                .containsExactly(MISSPELLED, MISSPELLED);
        assertThat(translator.requests()).isEmpty();
        assertThat(sql.isEmpty()).isTrue();
    }

    @Test
    void aTranslationThatBreaksBecomesAnAnswerNotACrash() throws Exception {
        start(new ScriptedTranslator(true, r -> {
            throw new IllegalStateException("boom");
        }));
        schema.pipeInput("demo", SCHEMA);

        questions.pipeInput("c-1", ask("How many users are there?"));

        var rejected = (QueryRejected) awaitResult();
        assertThat(rejected.problem().code()).isEqualTo("unavailable");
        assertThat(rejected.problem().message()).contains("boom");
    }

    @Test
    void theProposalListsEveryModelCallWithItsStatusTokensLatencyAndCost() throws Exception {
        try (var stub = new LlmStub()) {
            stub.enqueue(Reply.error(500).after(Duration.ofMillis(50)), Reply.text("{\"weird\": true}"),
                    Reply.text("SELECT count(*) FROM teams").after(Duration.ofMillis(30)));
            start(StageHarness.llm(stub, Duration.ofSeconds(10), "gpt-4o-mini"));
            schema.pipeInput("demo", PROJECTS);

            questions.pipeInput("c-1", ask("How many teams?"));

            SqlProposed proposed = awaitSql(1).getFirst();
            assertThat(proposed.interactions()).extracting(LlmInteraction::status)
                    .containsExactly("unavailable", "malformed", "ok");
            var failed = proposed.interactions().get(0);
            assertThat(failed.error()).contains("stub error 500");
            assertThat(failed.latencyMs()).isGreaterThanOrEqualTo(50);
            assertThat(failed.inputTokens()).isZero();
            assertThat(failed.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
            var malformed = proposed.interactions().get(1);
            assertThat(malformed.error()).contains("no SQL query");
            assertThat(malformed.inputTokens()).isEqualTo(100);
            assertThat(malformed.outputTokens()).isEqualTo(2);
            assertThat(malformed.costUsd()).isEqualByComparingTo(new BigDecimal("0.0000162"));
            var ok = proposed.interactions().get(2);
            assertThat(ok).extracting(LlmInteraction::provider, LlmInteraction::model, LlmInteraction::promptVersion,
                    LlmInteraction::error).containsExactly("openai", "gpt-4o-mini", "translate-v1", null);
            assertThat(ok.latencyMs()).isGreaterThanOrEqualTo(30);
            assertThat(ok.outputTokens()).isEqualTo(4);
            assertThat(ok.costUsd()).isEqualByComparingTo(new BigDecimal("0.0000174"));
            assertThat(proposed.usage().inputTokens()).isEqualTo(200);
            assertThat(proposed.usage().costUsd()).isEqualByComparingTo(new BigDecimal("0.0000336"));
        }
    }

    @Test
    void aRejectionAfterAnOutageListsEveryFailedCall() throws Exception {
        try (var stub = new LlmStub()) {
            stub.answerWith(r -> Reply.error(503));
            start(StageHarness.llm(stub, Duration.ofSeconds(10), "gpt-4o-mini"));
            schema.pipeInput("demo", PROJECTS);

            questions.pipeInput("c-1", ask("How many teams?"));

            var rejected = (QueryRejected) awaitResult();
            assertThat(rejected.problem().code()).isEqualTo("unavailable");
            assertThat(rejected.interactions()).hasSize(3).allSatisfy(call -> {
                assertThat(call.status()).isEqualTo("unavailable");
                assertThat(call.error()).contains("stub error 503");
                assertThat(call.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
            });
        }
    }

    @Test
    void theStageReadsNoRepliesItOnlyWritesThem() {
        var builder = new StreamsBuilder();
        TranslatorTopology.build(builder, topics, ScriptedTranslator.answering(false, "SELECT 1"), Clock.systemUTC());

        var sources = builder.build().describe().subtopologies().stream()
                .flatMap(s -> s.nodes().stream())
                .filter(n -> n instanceof org.apache.kafka.streams.TopologyDescription.Source)
                .flatMap(n -> ((org.apache.kafka.streams.TopologyDescription.Source) n).topicSet().stream())
                .toList();
        assertThat(sources).containsExactlyInAnyOrder(topics.questions().name(), topics.sqlFailures().name(),
                        topics.cancellations().name())
                .doesNotContain(topics.replies().name());
    }

    private static SqlFailed failure(int attempt, String failedSql, String message) {
        var proposal = SqlProposed.of(ask("How many projects are on hold?"), failedSql, attempt, ScriptedTranslator.INFO,
                null, 1, "v-2");
        return SqlFailed.of(proposal, "undefined_column", "42703", message);
    }

    private List<SqlProposed> awaitSql(int count) throws InterruptedException {
        List<SqlProposed> out = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out.size() < count && System.nanoTime() < deadline) {
            driver.advanceWallClockTime(Duration.ofMillis(10));
            while (!sql.isEmpty()) {
                out.add(sql.readValue());
            }
            Thread.sleep(2);
        }
        return out;
    }

    private QueryResult awaitResult() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (results.isEmpty() && System.nanoTime() < deadline) {
            driver.advanceWallClockTime(Duration.ofMillis(10));
            Thread.sleep(2);
        }
        return results.readValue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> t) {
        return driver.createInputTopic(t.name(), t.key().serializer(), t.value().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> t) {
        return driver.createOutputTopic(t.name(), t.key().deserializer(), t.value().deserializer());
    }
}
