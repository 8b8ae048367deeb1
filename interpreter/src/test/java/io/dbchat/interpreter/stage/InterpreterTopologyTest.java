package io.dbchat.interpreter.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class InterpreterTopologyTest {

    final Topics topics = Topics.withPrefix("dbchat.");
    final QuestionAsked question = QuestionAsked.of("q-1", "c-1", "p", "demo", "How many users are there?", Instant.EPOCH);

    @Test
    void answersRowsWithAStatusThenAFinalCarryingSqlAndRows() {
        var proposal = SqlProposed.of(question, "SELECT count(*) AS count FROM users", 1, TranslatorInfo.offline("v1"),
                Usage.NONE, 2, "v");

        List<ReplyEvent> replies = run(QueryAnswered.of(proposal, List.of(new ColumnMeta("count", "int8")),
                List.of(List.of(600L)), false, 3));

        assertThat(replies).extracting(ReplyEvent::type).containsExactly(ReplyType.STATUS, ReplyType.FINAL);
        assertThat(replies).extracting(ReplyEvent::seq).containsExactly(1000L, 1001L);
        var fin = replies.get(1).answer();
        assertThat(fin.reply()).isEqualTo("There are 600 users.");
        assertThat(fin.sql()).isEqualTo("SELECT count(*) AS count FROM users");
        assertThat(fin.rows()).containsExactly(List.of(600));
        assertThat(fin.translator()).isEqualTo("offline (rules)");
        assertThat(replies.get(1).queryId()).isEqualTo("q-1");
    }

    @Test
    void answersARejectionWithItsReasonAndProblem() {
        var problem = ErrorCode.UNTRANSLATABLE.problem("I could not tell which table your question is about.");

        List<ReplyEvent> replies = run(QueryRejected.of(question, null, null, problem));

        var fin = replies.get(1).answer();
        assertThat(fin.reply()).isEqualTo(problem.message());
        assertThat(fin.problem()).isEqualTo(problem);
        assertThat(fin.rows()).isEmpty();
    }

    private List<ReplyEvent> run(QueryResult result) {
        var builder = new StreamsBuilder();
        InterpreterTopology.build(builder, topics, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        var props = new Properties();
        props.putAll(StageStreams.config("interpreter", new PipelineProperties("127.0.0.1:1", "dbchat.", 1, (short) 1,
                Duration.ofDays(1), Duration.ofMillis(10), 1, null), topics));
        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            driver.createInputTopic(topics.results().name(), topics.results().key().serializer(),
                    topics.results().value().serializer()).pipeInput("c-1", result);
            return driver.createOutputTopic(topics.replies().name(), topics.replies().key().deserializer(),
                    topics.replies().value().deserializer()).readValuesToList();
        }
    }
}
