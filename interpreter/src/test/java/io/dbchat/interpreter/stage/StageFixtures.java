package io.dbchat.interpreter.stage;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.interpreter.InterpreterProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** Results, settings and a driver for the interpreter's topology tests. */
final class StageFixtures {

    static final Topics TOPICS = Topics.withPrefix("dbchat.");

    private StageFixtures() {
    }

    static QueryAnswered count(String queryId, String conversationId, long count) {
        var question = QuestionAsked.of(queryId, conversationId, "p", "demo", "How many users are there?", Instant.EPOCH);
        var proposal = SqlProposed.of(question, "SELECT count(*) AS count FROM users", 1, TranslatorInfo.offline("v1"),
                Usage.NONE, 2, "v");
        return QueryAnswered.of(proposal, List.of(new ColumnMeta("count", "int8")), List.of(List.of(count)), false, 3);
    }

    static InterpreterProperties settings(int maxInFlight, Duration callTimeout, boolean privacy) {
        return new InterpreterProperties(privacy, Map.of(), 20, maxInFlight, callTimeout, 20, Duration.ofMillis(50),
                Duration.ofMillis(10));
    }

    static TopologyTestDriver driver(StreamsBuilder builder) {
        var props = new Properties();
        props.putAll(StageStreams.config("interpreter", new PipelineProperties("127.0.0.1:1", "dbchat.", 1, (short) 1,
                Duration.ofDays(1), Duration.ofMillis(10), 1, null), TOPICS));
        return new TopologyTestDriver(builder.build(), props);
    }

    static TestInputTopic<String, QueryResult> results(TopologyTestDriver driver) {
        return driver.createInputTopic(TOPICS.results().name(), TOPICS.results().key().serializer(),
                TOPICS.results().value().serializer());
    }

    static TestOutputTopic<String, ReplyEvent> replies(TopologyTestDriver driver) {
        return driver.createOutputTopic(TOPICS.replies().name(), TOPICS.replies().key().deserializer(),
                TOPICS.replies().value().deserializer());
    }
}
