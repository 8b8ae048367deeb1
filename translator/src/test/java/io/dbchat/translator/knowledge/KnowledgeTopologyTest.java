package io.dbchat.translator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.FeedbackGiven;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.llm.LlmStub;
import io.dbchat.translator.stage.TranslatorTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The translator stage with its knowledge, through the topology, in front of a model on a stub that records prompts:
 * answers from approved examples and from the semantic cache with no model call, literals re-bound or missed,
 * invalidation by a schema change, a wrong mark and a correcting example, and knowledge in the prompt.
 */
class KnowledgeTopologyTest {

    private static final Pattern QUESTION = Pattern.compile("Question: (.*)\\s*$");
    private static final Pattern NUMBERS = Pattern.compile("\\d+");

    final Topics topics = Topics.withPrefix("dbchat.");
    final Topic<String, CachedQuery> cacheTopic = KnowledgeTopology.cacheTopic("dbchat.");
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicInteger served = new AtomicInteger();
    LlmStub stub;
    TopologyTestDriver driver;
    TestInputTopic<String, SchemaSnapshot> schema;
    TestInputTopic<String, QuestionAsked> questions;
    TestInputTopic<String, QueryResult> results;
    TestInputTopic<String, FeedbackGiven> feedback;
    TestInputTopic<String, KnowledgeEntry> knowledge;
    TestOutputTopic<String, SqlProposed> sql;

    /** The model writes the count of invoices over the question's first number in its second, a year. */
    @BeforeEach
    void start() {
        stub = new LlmStub().answerWith(r -> {
            served.incrementAndGet();
            Matcher q = QUESTION.matcher(r.prompt().strip());
            String question = q.find() ? q.group(1) : "";
            List<String> n = NUMBERS.matcher(question).results().map(m -> m.group()).toList();
            String sql = n.size() == 2
                    ? "SELECT count(*) FROM invoices WHERE amount > " + n.get(0) + " AND EXTRACT(YEAR FROM issued_on) = "
                    + n.get(1)
                    : "SELECT count(*) FROM clients";
            return LlmStub.Reply.text("```sql\n" + sql + "\n```");
        });
        var builder = new StreamsBuilder();
        var view = new KnowledgeView(Invoices.EMBEDDER, 100);
        var cache = new QueryCache(Invoices.EMBEDDER, 100);
        KnowledgeTopology.install(builder, topics, view);
        KnowledgeTopology.installCache(builder, topics, cacheTopic, cache);
        var translator = new WithKnowledge(Invoices.model(stub), view, cache, Invoices.EMBEDDER, PolicyStore.none(),
                new KnowledgeMeters(meters), WithKnowledge.Settings.defaults());
        TranslatorTopology.build(builder, topics, translator, new TranslatorTopology.Options(2,
                new AsyncSettings(8, Duration.ofSeconds(30), Duration.ofMillis(5))), Clock.systemUTC());
        var props = new Properties();
        props.putAll(StageStreams.config("translator", new PipelineProperties("127.0.0.1:1", "dbchat.", 1, (short) 1,
                Duration.ofDays(1), Duration.ofMillis(10), 1, null), topics));
        driver = new TopologyTestDriver(builder.build(), props);
        schema = input(topics.schema());
        questions = input(topics.questions());
        results = input(topics.results());
        feedback = input(topics.feedback());
        knowledge = input(topics.knowledge());
        sql = driver.createOutputTopic(topics.sql().name(), topics.sql().key().deserializer(),
                topics.sql().value().deserializer());
        schema.pipeInput("billing", Invoices.SCHEMA);
    }

    @AfterEach
    void stop() {
        driver.close();
        stub.close();
    }

    @Test
    void aParaphraseOfAnAnsweredQuestionReusesItsSqlWithNoModelCall() throws Exception {
        SqlProposed first = answered("q-1", "How many invoices over 500 were issued in 2024?");
        assertThat(first.source()).isEqualTo(SqlSource.model());
        assertThat(served).hasValue(1);

        SqlProposed again = ask("q-2", "Number of invoices above 500 issued in 2024");

        assertThat(served).as("no model call").hasValue(1);
        assertThat(again.sql()).isEqualTo(first.sql());
        assertThat(again.source().kind()).isEqualTo(SqlSource.CACHE);
        assertThat(again.source().cachedQueryId()).isEqualTo("q-1");
        assertThat(again.usage().costUsd()).isZero();
        assertThat(again.understanding().understood()).anySatisfy(s -> assertThat(s).startsWith("reused the SQL"));
        assertThat(meters.get("dbchat.translator.cache.lookups").tag("result", "hit").counter().count()).isEqualTo(1);
        assertThat(meters.get("dbchat.translator.cache.saved.calls").counter().count()).isEqualTo(1);
    }

    @Test
    void aLiteralVariantReusesTheSqlWithItsOwnLiterals() throws Exception {
        answered("q-1", "How many invoices over 500 were issued in 2024?");

        SqlProposed variant = ask("q-2", "How many invoices over 800 were issued in 2023?");

        assertThat(served).hasValue(1);
        assertThat(variant.sql()).isEqualTo("SELECT count(*) FROM invoices WHERE amount > 800 AND EXTRACT(YEAR FROM issued_on) = 2023");
        assertThat(variant.source().note()).contains("800 for 500", "2023 for 2024");
    }

    @Test
    void anOppositeComparisonOrAnotherAggregateIsNotTheSameQuestion() throws Exception {
        answered("q-1", "How many invoices over 500 were issued in 2024?");

        ask("q-2", "How many invoices under 500 were issued in 2024?");
        ask("q-3", "Total amount of invoices over 500 issued in 2024");

        assertThat(served).hasValue(3);
    }

    @Test
    void aNewSchemaVersionInvalidatesWhatTheOldOneAnswered() throws Exception {
        answered("q-1", "How many invoices over 500 were issued in 2024?");
        schema.pipeInput("billing", Invoices.schema("v-2"));

        SqlProposed after = ask("q-2", "How many invoices over 500 were issued in 2024?");

        assertThat(served).hasValue(2);
        assertThat(after.source()).isEqualTo(SqlSource.model());
    }

    @Test
    void anAnswerMarkedWrongIsNotReused() throws Exception {
        answered("q-1", "How many invoices over 500 were issued in 2024?");
        feedback.pipeInput("c-q-1", FeedbackGiven.of("q-1", "c-q-1", "ann", "wrong", null, null, Instant.EPOCH));

        ask("q-2", "How many invoices over 500 were issued in 2024?");

        assertThat(served).hasValue(2);
    }

    @Test
    void anApprovedExampleCorrectingACachedAnswerIsUsedInsteadOfIt() throws Exception {
        answered("q-1", "How many invoices over 500 were issued in 2024?");
        String corrected = "SELECT count(*) FROM invoices WHERE amount > 500 AND status = 'Paid' "
                + "AND EXTRACT(YEAR FROM issued_on) = 2024";
        knowledge.pipeInput("billing/e-1", KnowledgeEntry.example("billing", "e-1", KnowledgeEntry.APPROVED, "ann",
                Instant.EPOCH, "How many invoices over 500 were issued in 2024?", corrected, "q-1"));

        SqlProposed fromExample = ask("q-2", "How many invoices over 700 were issued in 2022?");

        assertThat(fromExample.sql()).isEqualTo(corrected.replace("500", "700").replace("2024", "2022"));
        assertThat(fromExample.source().kind()).isEqualTo(SqlSource.EXAMPLE);
        assertThat(fromExample.source().entryId()).isEqualTo("e-1");
        assertThat(fromExample.understanding().understood().getFirst()).startsWith("answered from the verified example");
        assertThat(served).hasValue(1);
    }

    @Test
    void anExampleTakesEffectWhenApprovedAndStopsWhenDeleted() throws Exception {
        var proposed = KnowledgeEntry.example("billing", "e-1", KnowledgeEntry.PROPOSED, "ann", Instant.EPOCH,
                "How many clients are there?", "SELECT count(*) AS clients FROM clients", null);
        knowledge.pipeInput("billing/e-1", proposed);
        assertThat(ask("q-1", "How many clients are there?").source()).isEqualTo(SqlSource.model());

        knowledge.pipeInput("billing/e-1", proposed.approve("admin", Instant.EPOCH));
        assertThat(ask("q-2", "how many clients are there").sql()).isEqualTo("SELECT count(*) AS clients FROM clients");

        knowledge.pipeInput("billing/e-1", (KnowledgeEntry) null);
        assertThat(ask("q-3", "How many clients are there?").source()).isEqualTo(SqlSource.model());
        assertThat(served).hasValue(2);
    }

    @Test
    void anExampleAndATermAppearInARelatedQuestionsPromptAndNotInAnUnrelatedOne() throws Exception {
        knowledge.pipeInput("billing/e-1", KnowledgeEntry.example("billing", "e-1", KnowledgeEntry.APPROVED, "ann",
                Instant.EPOCH, "Which clients have an unpaid invoice?", "SELECT DISTINCT c.name FROM clients c JOIN "
                        + "invoices i ON i.client_id = c.id WHERE i.status = 'Open'", null));
        knowledge.pipeInput("billing/t-1", KnowledgeEntry.term("billing", "t-1", KnowledgeEntry.APPROVED, "ann",
                Instant.EPOCH, "revenue", List.of("turnover"), "Money from paid invoices",
                "sum(invoices.amount) FILTER (WHERE invoices.status = 'Paid')", KnowledgeEntry.MEASURE, "invoices"));
        knowledge.pipeInput("billing/t-2", KnowledgeEntry.term("billing", "t-2", KnowledgeEntry.PROPOSED, "bob",
                Instant.EPOCH, "client", List.of(), "Not approved yet", null, null, "clients"));

        ask("q-1", "What was the turnover from clients with unpaid invoices?");
        ask("q-2", "When was the most recent invoice issued?");

        String related = stub.requests().get(0).prompt();
        String unrelated = stub.requests().get(1).prompt();
        assertThat(related).contains("Example question: Which clients have an unpaid invoice?",
                "Term \"revenue\" (also: turnover)", "FILTER (WHERE invoices.status = 'Paid')");
        assertThat(related).doesNotContain("Not approved yet");
        assertThat(unrelated).doesNotContain("revenue", "Which clients have an unpaid invoice?");
    }

    /** Asks, awaits the SQL, and reports it answered with one row, as the executor would. */
    private SqlProposed answered(String queryId, String question) throws Exception {
        SqlProposed proposed = ask(queryId, question);
        results.pipeInput("c-" + queryId, QueryAnswered.of(proposed, List.of(new ColumnMeta("count", "int8")),
                List.of(List.of(3)), false, 1));
        return proposed;
    }

    private SqlProposed ask(String queryId, String question) throws Exception {
        questions.pipeInput("c-" + queryId, QuestionAsked.of(queryId, "c-" + queryId, "ann", "billing", question,
                Instant.EPOCH));
        List<SqlProposed> out = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (out.isEmpty() && System.nanoTime() < until) {
            driver.advanceWallClockTime(Duration.ofMillis(10));
            out.addAll(sql.readValuesToList());
            if (out.isEmpty()) {
                Thread.sleep(5);
            }
        }
        assertThat(out).as("SQL for " + question).hasSize(1);
        return out.getFirst();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.key().serializer(), topic.value().serializer());
    }
}
