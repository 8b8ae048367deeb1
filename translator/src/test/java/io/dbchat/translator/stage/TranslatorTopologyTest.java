package io.dbchat.translator.stage;

import static io.dbchat.translator.Fixtures.SCHEMA;
import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.translator.offline.OfflineTranslator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    @BeforeEach
    void start() {
        var builder = new StreamsBuilder();
        TranslatorTopology.build(builder, topics, new OfflineTranslator(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
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
        driver.close();
    }

    @Test
    void translatesAQuestionIntoSqlKeyedByConversationAfterAStatus() {
        schema.pipeInput("demo", SCHEMA);

        questions.pipeInput("c-1", ask("How many users are there?"));

        var proposed = sql.readKeyValue();
        assertThat(proposed.key).isEqualTo("c-1");
        assertThat(proposed.value.sql()).isEqualTo("SELECT count(*) AS count FROM users");
        assertThat(proposed.value.attempt()).isEqualTo(1);
        assertThat(proposed.value.schemaVersion()).isEqualTo("v-1");
        assertThat(proposed.value.translator().provider()).isEqualTo("offline");
        var status = replies.readValue();
        assertThat(status.type()).isEqualTo(ReplyType.STATUS);
        assertThat(status.stage()).isEqualTo("translating");
        assertThat(results.isEmpty()).isTrue();
    }

    @Test
    void rejectsAQuestionItCannotTranslateWithAReason() {
        schema.pipeInput("demo", SCHEMA);

        questions.pipeInput("c-1", ask("What is the meaning of life?"));

        var rejected = (QueryRejected) results.readValue();
        assertThat(rejected.problem().code()).isEqualTo("untranslatable");
        assertThat(sql.isEmpty()).isTrue();
    }

    @Test
    void rejectsAQuestionAboutADatasourceWithoutSchema() {
        questions.pipeInput("c-1", ask("How many users are there?"));

        var rejected = (QueryRejected) results.readValue();
        assertThat(rejected.problem().code()).isEqualTo("no_schema");
        assertThat(rejected.problem().message()).contains("'demo'");
    }

    @Test
    void endsTheQueryWithTheDatabasesReasonWhenTheSqlFails() {
        var proposal = SqlProposed.of(ask("How many users are there?"), "SELECT nope FROM users", 1,
                OfflineTranslator.INFO, null, 1, "v-1");

        failures.pipeInput("c-1", SqlFailed.of(proposal, "undefined_column", "42703", "column \"nope\" does not exist"));

        var rejected = (QueryRejected) results.readValue();
        assertThat(rejected.problem().code()).isEqualTo("sql_failed");
        assertThat(rejected.problem().message()).contains("column \"nope\" does not exist");
        assertThat(rejected.sql()).isEqualTo("SELECT nope FROM users");
    }

    private <V> TestInputTopic<String, V> input(io.dbchat.contracts.topics.Topic<String, V> t) {
        return driver.createInputTopic(t.name(), t.key().serializer(), t.value().serializer());
    }

    private <V> TestOutputTopic<String, V> output(io.dbchat.contracts.topics.Topic<String, V> t) {
        return driver.createOutputTopic(t.name(), t.key().deserializer(), t.value().deserializer());
    }
}
