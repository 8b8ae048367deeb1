package io.dbchat.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.contracts.async.PendingQueue;
import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Understanding;
import io.dbchat.contracts.events.Usage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    static final QuestionAsked QUESTION = QuestionAsked.of("q1", "c1", "alice", "demo",
            "How many users are there?", Instant.parse("2026-11-22T10:15:30.123Z"));

    final JsonSerde<QueryResult> results = new JsonSerde<>(QueryResult.class);

    @Test
    void answeredResultRoundTripsWithExactNumbers() {
        var proposal = SqlProposed.of(QUESTION, "SELECT count(*) FROM users", 1,
                TranslatorInfo.offline("v1"), Usage.NONE, 3, "abc");
        QueryResult answered = QueryAnswered.of(proposal, List.of(new ColumnMeta("total", "numeric")),
                List.of(List.of(new BigDecimal("12345678901234567890.123456789"), "x")), false, 4);

        QueryResult back = results.deserialize("t", results.serialize("t", answered));

        assertThat(back).isEqualTo(answered);
        assertThat(((QueryAnswered) back).rows().getFirst().getFirst())
                .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    }

    @Test
    void rejectedResultKeepsItsKindAndProblem() {
        QueryResult rejected = QueryRejected.of(QUESTION, null, null,
                ErrorCode.UNTRANSLATABLE.problem("I could not tell which table you mean."));

        QueryResult back = results.deserialize("t", results.serialize("t", rejected));

        assertThat(back).isInstanceOf(QueryRejected.class).isEqualTo(rejected);
        assertThat(new String(results.serialize("t", rejected), StandardCharsets.UTF_8)).contains("\"kind\":\"rejected\"");
    }

    @Test
    void aSealedResultInsideAGenericRecordKeepsItsKind() {
        var queues = new JsonSerde<PendingQueue<QueryResult>>(Json.MAPPER.getTypeFactory()
                .constructParametricType(PendingQueue.class, QueryResult.class));
        QueryResult rejected = QueryRejected.of(QUESTION, null, null, ErrorCode.UNTRANSLATABLE.problem("no"));
        var queue = new PendingQueue<>(List.of(new PendingQueue.Entry<>("q1", rejected, 7L)));

        PendingQueue<QueryResult> back = queues.deserialize("t", queues.serialize("t", queue));

        assertThat(back).isEqualTo(queue);
        assertThat(back.entries().getFirst().input()).isInstanceOf(QueryRejected.class);
    }

    @Test
    void eachModelCallOfAProposalRoundTrips() {
        var retried = new LlmInteraction("openai", "gpt-4o-mini", "translate-v1", 0, 0, BigDecimal.ZERO, 41,
                "unavailable", "stub error 500");
        var answered = new LlmInteraction("openai", "gpt-4o-mini", "translate-v1", 100, 4,
                new BigDecimal("0.0000174"), 2003, LlmInteraction.OK, null);
        var serde = new JsonSerde<>(SqlProposed.class);
        var proposal = SqlProposed.of(QUESTION, "SELECT count(*) FROM users", 1,
                new TranslatorInfo("openai", "gpt-4o-mini", "translate-v1"), new Usage(100, 4, new BigDecimal("0.0000174")),
                2050, "abc", List.of(retried, answered));

        SqlProposed back = serde.deserialize("t", serde.serialize("t", proposal));

        assertThat(back).isEqualTo(proposal);
        assertThat(back.interactions()).containsExactly(retried, answered);
        assertThat(back.interactions().getLast().costUsd()).isEqualTo(new BigDecimal("0.0000174"));
    }

    @Test
    void aRejectionKeepsTheFailedModelCalls() {
        var timedOut = new LlmInteraction("anthropic", "claude-3-5-haiku-latest", "translate-v1", 0, 0, BigDecimal.ZERO,
                60000, "timeout", "request timed out");
        QueryResult rejected = QueryRejected.of(QUESTION, null, null,
                ErrorCode.TIMEOUT.problem("The language model did not answer in time."), List.of(timedOut, timedOut));

        QueryResult back = results.deserialize("t", results.serialize("t", rejected));

        assertThat(back).isEqualTo(rejected);
        assertThat(((QueryRejected) back).interactions()).hasSize(2).allSatisfy(i -> assertThat(i.status()).isEqualTo("timeout"));
    }

    @Test
    void eventsWrittenBeforeTheInteractionLogReadWithAnEmptyList() {
        String proposal = """
                {"v":1,"queryId":"q1","question":{"v":1,"queryId":"q1","conversationId":"c1","question":"How many?"},
                 "sql":"SELECT 1","attempt":1,"translator":{"provider":"offline","model":"rules","promptVersion":"v1"},
                 "usage":{"inputTokens":0,"outputTokens":0,"costUsd":0},"latencyMs":3,"schemaVersion":"abc"}""";
        String rejection = """
                {"kind":"rejected","v":1,"queryId":"q1","question":{"v":1,"queryId":"q1","question":"How many?"},
                 "problem":{"code":"untranslatable","message":"no"}}""";

        SqlProposed oldProposal = new JsonSerde<>(SqlProposed.class).deserialize("t", proposal.getBytes(StandardCharsets.UTF_8));
        QueryResult oldRejection = results.deserialize("t", rejection.getBytes(StandardCharsets.UTF_8));

        assertThat(oldProposal.sql()).isEqualTo("SELECT 1");
        assertThat(oldProposal.interactions()).isEmpty();
        assertThat(((QueryRejected) oldRejection).interactions()).isEmpty();
        assertThat(((QueryRejected) oldRejection).problem().code()).isEqualTo("untranslatable");
    }

    @Test
    void anUnderstandingRoundTripsAndOlderEventsReadWithoutOne() {
        var understanding = new Understanding(List.of("a count of users"), List.of("all users"), List.of("active"), 1000, 12000L);
        var serde = new JsonSerde<>(SqlProposed.class);
        var proposal = SqlProposed.of(QUESTION, "SELECT count(*) FROM users", 1, null, Usage.NONE, 3, "abc", List.of(),
                understanding);
        var answers = new JsonSerde<>(FinalAnswer.class);
        var answer = new FinalAnswer("600 users.", "SELECT 1", List.of(), List.of(), 0, false, null, "offline", null,
                understanding);
        String before = """
                {"reply":"12 teams.","sql":"SELECT 1","rows":[],"rowCount":0,"truncated":false,"translator":"offline"}""";

        assertThat(serde.deserialize("t", serde.serialize("t", proposal)).understanding()).isEqualTo(understanding);
        assertThat(answers.deserialize("t", answers.serialize("t", answer))).isEqualTo(answer);
        assertThat(answers.deserialize("t", before.getBytes(StandardCharsets.UTF_8)).understanding()).isNull();
        assertThat(understanding.hasCaveats()).isTrue();
        assertThat(new Understanding(List.of("a count"), null, null, null, null).hasCaveats()).isFalse();
    }

    @Test
    void theConstructorsOfBeforeTheInteractionLogStillBuildEvents() {
        var proposal = new SqlProposed(1, "q1", QUESTION, "SELECT 1", 1, null, Usage.NONE, 0, "abc");
        var rejected = new QueryRejected(1, "q1", QUESTION, null, null, ErrorCode.UNTRANSLATABLE.problem("no"));

        assertThat(proposal.interactions()).isEmpty();
        assertThat(rejected.interactions()).isEmpty();
        assertThat(proposal).isEqualTo(SqlProposed.of(QUESTION, "SELECT 1", 1, null, Usage.NONE, 0, "abc"));
    }

    @Test
    void unknownFieldsFromNewerWritersAreIgnored() {
        var serde = new JsonSerde<>(QuestionAsked.class);
        String json = "{\"v\":2,\"queryId\":\"q\",\"conversationId\":\"c\",\"question\":\"hi\",\"future\":{\"x\":1}}";

        QuestionAsked q = serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8));

        assertThat(q.v()).isEqualTo(2);
        assertThat(q.question()).isEqualTo("hi");
    }

    @Test
    void garbledPayloadIsASerializationException() {
        var serde = new JsonSerde<>(QuestionAsked.class);

        assertThatThrownBy(() -> serde.deserialize("dbchat.questions", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("dbchat.questions");
    }

    @Test
    void nullIsATombstoneBothWays() {
        var serde = new JsonSerde<>(QuestionAsked.class);

        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
    }
}
