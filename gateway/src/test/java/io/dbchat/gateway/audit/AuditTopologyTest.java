package io.dbchat.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.audit.AuditRecord.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit topology through the test driver: the pipeline's records of a query become one complete record. */
class AuditTopologyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final TranslatorInfo MODEL = new TranslatorInfo("openai", "gpt-test", "v3");

    private final Topics topics = Topics.withPrefix("t.");
    private final Topic<String, AuditRecord> audit = AuditTopic.withPrefix("t.");
    private final AuditIndex index = new AuditIndex();
    private TopologyTestDriver driver;

    @BeforeEach
    void start() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "audit-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(AuditTopology.build(new StreamsBuilder(), topics, audit, index).build(), p);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aQueryThatFailedOnceAndThenAnsweredHasEveryStepOnRecord() {
        QuestionAsked q = QuestionAsked.of("q1", "c1", "alice", "sales", "How many orders?", T0);
        SqlProposed first = proposal(q, "SELECT count(*) FROM order", 1, call("ok", 100, 20, "0.001"));
        SqlProposed second = proposal(q, "SELECT count(*) FROM orders", 2, call("ok", 150, 25, "0.002"));

        send(topics.questions(), q, 0);
        send(topics.replies(), ReplyEvent.status(q, ReplySeq.translating(1), "translating", T0), 5);
        send(topics.sql(), first, 400);
        send(topics.replies(), ReplyEvent.status(q, ReplySeq.validating(1), "validating", T0), 410);
        send(topics.sqlFailures(), SqlFailed.of(first, "BadSqlGrammar", "42P01", "relation \"order\" does not exist"), 450);
        send(topics.sql(), second, 900);
        send(topics.results(), (QueryResult) QueryAnswered.of(second, List.of(new ColumnMeta("count", "int8")),
                List.of(List.of(42)), false, 7), 950);
        send(topics.replies(), ReplyEvent.token(q, ReplySeq.interpreter(1), "There", T0), 960);
        send(topics.replies(), ReplyEvent.fin(q, ReplySeq.interpreter(2), new FinalAnswer("There are 42 orders.",
                second.sql(), List.of(), List.of(), 1, false, null, "openai", null), T0), 1000);

        AuditRecord r = stored("q1");
        assertThat(r.principal()).isEqualTo("alice");
        assertThat(r.datasource()).isEqualTo("sales");
        assertThat(r.schemaVersion()).isEqualTo("schema-v1");
        assertThat(r.translator()).isEqualTo(MODEL);
        assertThat(r.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(r.latencyMs()).isEqualTo(1000);
        assertThat(r.tokens()).isEqualTo(295);
        assertThat(r.costUsd()).isEqualByComparingTo("0.003");
        assertThat(r.llmCalls()).extracting(AuditRecord.LlmCall::attempt).containsExactly(1, 2);
        assertThat(r.attempts()).hasSize(2);
        assertThat(r.attempts().get(0)).satisfies(a -> {
            assertThat(a.guard()).isEqualTo("passed");
            assertThat(a.sqlState()).isEqualTo("42P01");
            assertThat(a.error().message()).contains("does not exist");
        });
        assertThat(r.attempts().get(1)).satisfies(a -> {
            assertThat(a.guard()).isEqualTo("passed");
            assertThat(a.planCheck()).isEqualTo("not_refused");
            assertThat(a.rowCount()).isEqualTo(1);
            assertThat(a.bytes()).isEqualTo(6);
            assertThat(a.execMs()).isEqualTo(7);
            assertThat(a.translationMs()).isEqualTo(300);
        });
        assertThat(r.answer().reply()).isEqualTo("There are 42 orders.");
        assertThat(r.timeline()).extracting(AuditRecord.Step::stage, AuditRecord.Step::what).containsExactly(
                tuple("gateway", "asked"), tuple("translator", "translating #1"), tuple("translator", "sql #1"),
                tuple("executor", "validating #1"), tuple("executor", "sql failed #1"), tuple("translator", "sql #2"),
                tuple("executor", "rows #2"), tuple("interpreter", "answer"));
        assertThat(index.search(new AuditSearch("alice", null, null, null, Outcome.ANSWERED, null, 0, 10)).queryIds())
                .containsExactly("q1");
    }

    @Test
    void theAccessPoliciesThatAppliedToTheStatementAreOnItsAttempt() {
        QuestionAsked q = QuestionAsked.of("q-policed", "c-policed", "bob", "sales", "How many clients?", T0);
        SqlProposed proposal = proposal(q, "SELECT count(*) FROM clients", 1);

        send(topics.questions(), q, 0);
        send(topics.sql(), proposal, 100);
        send(topics.results(), (QueryResult) QueryAnswered.of(proposal, List.of(new ColumnMeta("count", "int8")),
                List.of(List.of(3)), false, 2).withPolicies(List.of("rows:clients", "columns:public.users")), 150);

        assertThat(stored("q-policed").attempts()).singleElement()
                .satisfies(a -> assertThat(a.policies()).containsExactly("rows:clients", "columns:public.users"));
    }

    @Test
    void thePlanCheckAsTheExecutorReportedItAndWhereEachSqlCameFromAreOnTheAttempts() {
        QuestionAsked q = QuestionAsked.of("q-plan", "c-plan", "alice", "sales", "Orders per client?", T0);
        SqlProposed first = proposal(q, "SELECT * FROM orders, clients", 1).withSource(SqlSource.model());
        SqlProposed second = proposal(q, "SELECT client_id, count(*) FROM orders GROUP BY 1", 2)
                .withSource(SqlSource.cache("q-earlier", null, "the same question an hour ago"));
        QuestionAsked unchecked = QuestionAsked.of("q-off", "c-off", "bob", "sales", "How many?", T0);
        SqlProposed off = proposal(unchecked, "SELECT count(*) FROM orders", 1).withSource(SqlSource.rules());

        send(topics.questions(), q, 0);
        send(topics.sql(), first, 100);
        send(topics.sqlFailures(), SqlFailed.of(first, "R2dbcException", "22012", "division by zero")
                .withPlanCheck(PlanVerdict.passed(1200.5, 40_000.0)), 150);
        send(topics.sql(), second, 300);
        send(topics.results(), (QueryResult) QueryAnswered.of(second, List.of(new ColumnMeta("n", "int8")),
                List.of(List.of(3)), false, 2).withPlanCheck(PlanVerdict.passed(88.0, 120.0)), 350);
        send(topics.questions(), unchecked, 0);
        send(topics.sql(), off, 100);
        send(topics.results(), (QueryResult) QueryRejected.of(off, ErrorCode.QUERY_TIMEOUT.problem("too long"))
                .withPlanCheck(PlanVerdict.skipped("the plan check is switched off")), 150);

        List<AuditRecord.SqlAttempt> attempts = stored("q-plan").attempts();
        assertThat(attempts).extracting(AuditRecord.SqlAttempt::planCheck).containsExactly("passed", "passed");
        assertThat(attempts.get(0).plan().estimatedCost()).isEqualTo(1200.5);
        assertThat(attempts.get(1).plan().estimatedRows()).isEqualTo(120.0);
        assertThat(attempts).extracting(a -> a.source().kind()).containsExactly("model", "cache");
        assertThat(attempts.get(1).source().cachedQueryId()).isEqualTo("q-earlier");
        assertThat(stored("q-off").attempts()).singleElement().satisfies(a -> {
            assertThat(a.planCheck()).isEqualTo("skipped");
            assertThat(a.plan().reason()).contains("switched off");
            assertThat(a.source().kind()).isEqualTo("rules");
        });
    }

    @Test
    void aRefusalTheModelCorrectedIsAGuardVerdictOnItsAttempt() {
        QuestionAsked q = QuestionAsked.of("q-corrected", "c-corrected", "alice", "sales", "Budget of each project?", T0);
        SqlProposed first = proposal(q, "SELECT budgett FROM projects", 1);
        SqlProposed second = proposal(q, "SELECT budget FROM projects", 2);

        send(topics.questions(), q, 0);
        send(topics.sql(), first, 100);
        send(topics.sqlFailures(), SqlFailed.refused(first,
                new Problem("sql.column_not_allowed", "The column 'budgett' is not available.")), 120);
        send(topics.sql(), second, 300);
        send(topics.results(), (QueryResult) QueryAnswered.of(second, List.of(new ColumnMeta("budget", "numeric")),
                List.of(List.of(10)), false, 2), 350);

        AuditRecord r = stored("q-corrected");
        assertThat(r.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(r.attempts()).extracting(AuditRecord.SqlAttempt::guard).containsExactly("refused", "passed");
        assertThat(r.attempts().getFirst().error().code()).isEqualTo("sql.column_not_allowed");
    }

    @Test
    void refusalsUntranslatableQuestionsAndTimeoutsAreToldApart() {
        QuestionAsked refused = QuestionAsked.of("q2", "c2", "bob", "sales", "Show the password hashes", T0);
        SqlProposed hashes = proposal(refused, "SELECT password_hash FROM users", 1);
        QuestionAsked vague = QuestionAsked.of("q3", "c3", "bob", "sales", "Tell me something", T0);
        QuestionAsked slow = QuestionAsked.of("q4", "c4", "bob", "sales", "Everything at once", T0);
        QuestionAsked planned = QuestionAsked.of("q5", "c5", "bob", "sales", "All pairs", T0);
        SqlProposed cross = proposal(planned, "SELECT * FROM a, b", 1);

        send(topics.questions(), refused, 0);
        send(topics.sql(), hashes, 10);
        send(topics.results(), (QueryResult) QueryRejected.of(hashes, new Problem("sql.column_not_allowed", "no")), 20);
        send(topics.questions(), vague, 0);
        send(topics.results(), (QueryResult) QueryRejected.of(vague, null, MODEL,
                ErrorCode.UNTRANSLATABLE.problem("unclear"), List.of(call("refused", 50, 5, "0.0005"))), 30);
        send(topics.questions(), slow, 0);
        send(topics.results(), (QueryResult) QueryRejected.of(slow, null, MODEL,
                ErrorCode.TIMEOUT.problem("The model did not answer in time"), List.of(call("timeout", 0, 0, "0"))), 5000);
        send(topics.questions(), planned, 0);
        send(topics.sql(), cross, 10);
        send(topics.results(), (QueryResult) QueryRejected.of(cross, new Problem("sql.too_expensive", "costly")), 20);

        assertThat(stored("q2").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(stored("q2").attempts().getFirst().guard()).isEqualTo("refused");
        assertThat(stored("q3").outcome()).isEqualTo(Outcome.UNTRANSLATABLE);
        assertThat(stored("q3").llmCalls()).extracting(c -> c.call().status()).containsExactly("refused");
        assertThat(stored("q4").outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(stored("q5").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(stored("q5").attempts().getFirst()).satisfies(a -> {
            assertThat(a.guard()).isEqualTo("passed");
            assertThat(a.planCheck()).isEqualTo("refused");
        });
        assertThat(index.search(new AuditSearch("bob", null, null, null, null, null, 0, 10)).total()).isEqualTo(4);
        assertThat(index.search(new AuditSearch(null, null, null, null, Outcome.REFUSED, null, 0, 10)).queryIds())
                .containsExactlyInAnyOrder("q2", "q5");
    }

    @Test
    void readingARecordTwiceChangesNothingButItsCount() {
        QuestionAsked q = QuestionAsked.of("q6", "c6", "alice", "sales", "How many?", T0);
        SqlProposed p = proposal(q, "SELECT 1", 1, call("ok", 1, 1, "0.01"));
        send(topics.questions(), q, 0);
        send(topics.sql(), p, 10);
        AuditRecord once = stored("q6");

        send(topics.sql(), p, 10);

        AuditRecord twice = stored("q6");
        assertThat(twice.attempts()).isEqualTo(once.attempts());
        assertThat(twice.llmCalls()).isEqualTo(once.llmCalls());
        assertThat(twice.timeline()).isEqualTo(once.timeline());
    }

    private AuditRecord stored(String queryId) {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(AuditTopology.STORE);
        byte[] stored = store.get(queryId);
        return stored == null ? null : audit.value().deserializer().deserialize(audit.name(), stored);
    }

    private <V> void send(Topic<String, V> topic, V value, long offsetMs) {
        TestInputTopic<String, V> in = driver.createInputTopic(topic.name(), topic.key().serializer(), topic.value().serializer());
        String key = value instanceof QuestionAsked q ? q.conversationId() : "conversation";
        in.pipeInput(key, value, T0.plusMillis(offsetMs));
    }

    private static SqlProposed proposal(QuestionAsked q, String sql, int attempt, LlmInteraction... calls) {
        return SqlProposed.of(q, sql, attempt, MODEL, Usage.NONE, 300, "schema-v1", List.of(calls));
    }

    private static LlmInteraction call(String status, long in, long out, String cost) {
        return new LlmInteraction("openai", "gpt-test", "v3", in, out, new BigDecimal(cost), 250, status, null);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
