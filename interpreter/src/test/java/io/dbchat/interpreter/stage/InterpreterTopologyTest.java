package io.dbchat.interpreter.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

/** The topology without an LLM: answers from templates, synchronously: the FINAL alone, carrying the whole text. */
class InterpreterTopologyTest {

    final QuestionAsked question = QuestionAsked.of("q-1", "c-1", "p", "demo", "How many users are there?", Instant.EPOCH);

    @Test
    void answersRowsWithOneFinalCarryingTheTextSqlAndRows() {
        List<ReplyEvent> replies = run(StageFixtures.count("q-1", "c-1", 600L));

        assertThat(replies).extracting(ReplyEvent::type).containsExactly(ReplyType.FINAL);
        assertThat(replies).extracting(ReplyEvent::seq).containsExactly(1001L);
        var fin = replies.getLast().answer();
        assertThat(fin.reply()).isEqualTo("There are 600 users.");
        assertThat(fin.sql()).isEqualTo("SELECT count(*) AS count FROM users");
        assertThat(fin.rows()).containsExactly(List.of(600));
        assertThat(fin.translator()).isEqualTo("offline (rules)");
        assertThat(fin.chart()).isNull();
        assertThat(replies).extracting(ReplyEvent::queryId).containsOnly("q-1");
    }

    @Test
    void aGroupedResultIsSummedUpInWordsAndSuggestedAsABarChart() {
        var proposal = SqlProposed.of(question, "SELECT status, count(*) AS count FROM tasks GROUP BY status", 1,
                TranslatorInfo.offline("v1"), Usage.NONE, 2, "v");

        List<ReplyEvent> replies = run(QueryAnswered.of(proposal, List.of(new ColumnMeta("status", "text"),
                new ColumnMeta("count", "int8")), List.of(List.of("Open", 412L), List.of("In Progress", 120L)), false, 3));

        var fin = replies.getLast().answer();
        assertThat(fin.reply()).isEqualTo("Most tasks are Open (412), then In Progress (120).");
        assertThat(fin.chart()).containsEntry("$schema", "https://vega.github.io/schema/vega-lite/v5.json")
                .containsEntry("mark", Map.of("type", "bar", "tooltip", true));
        assertThat(fin.chart().get("data")).isEqualTo(Map.of("values", List.of(
                Map.of("status", "Open", "count", 412), Map.of("status", "In Progress", "count", 120))));
    }

    @Test
    void answersARejectionWithItsReasonAndProblem() {
        var problem = ErrorCode.UNTRANSLATABLE.problem("I could not tell which table your question is about.");

        List<ReplyEvent> replies = run(QueryRejected.of(question, null, null, problem));

        var fin = replies.getLast().answer();
        assertThat(fin.reply()).isEqualTo(problem.message());
        assertThat(fin.problem()).isEqualTo(problem);
        assertThat(fin.rows()).isEmpty();
        assertThat(fin.chart()).isNull();
    }

    @Test
    void aRefusedTableIsAnsweredAsSomethingICannotUse() {
        var problem = new Problem("sql.table_not_allowed", "The table 'salaries' is not available.");

        List<ReplyEvent> replies = run(QueryRejected.of(question, "SELECT * FROM salaries", null, problem));

        assertThat(replies.getLast().answer().reply()).isEqualTo("I can't use the table 'salaries'.");
        assertThat(replies.getLast().answer().problem()).isEqualTo(problem);
    }

    @Test
    void aCancelledQueryEndsWithTheCancelledReplyAndItsLaterResultIsDropped() {
        var builder = new StreamsBuilder();
        InterpreterTopology.build(builder, StageFixtures.TOPICS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        try (var driver = StageFixtures.driver(builder)) {
            driver.createInputTopic(StageFixtures.TOPICS.cancellations().name(), StageFixtures.TOPICS.cancellations().key().serializer(),
                    StageFixtures.TOPICS.cancellations().value().serializer())
                    .pipeInput("c-1", QueryCancelled.of("q-1", "c-1", "p", Instant.EPOCH));
            StageFixtures.results(driver).pipeInput("c-1", StageFixtures.count("q-1", "c-1", 600L));
            StageFixtures.results(driver).pipeInput("c-1", StageFixtures.count("q-2", "c-1", 7L));

            List<ReplyEvent> replies = StageFixtures.replies(driver).readValuesToList();

            assertThat(replies.getFirst()).isEqualTo(new ReplyEvent(ReplyEvent.VERSION, "q-1", "c-1", ReplySeq.CANCELLED,
                    ReplyType.ERROR, null, null, null,
                    new Problem("cancelled", "The question was cancelled; nothing more is worked on for it."), Instant.EPOCH));
            assertThat(replies.subList(1, replies.size())).extracting(ReplyEvent::queryId).containsOnly("q-2");
            assertThat(replies.getLast().answer().reply()).isEqualTo("There are 7 users.");
        }
    }

    private List<ReplyEvent> run(QueryResult result) {
        var builder = new StreamsBuilder();
        InterpreterTopology.build(builder, StageFixtures.TOPICS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        try (var driver = StageFixtures.driver(builder)) {
            StageFixtures.results(driver).pipeInput("c-1", result);
            return StageFixtures.replies(driver).readValuesToList();
        }
    }
}
