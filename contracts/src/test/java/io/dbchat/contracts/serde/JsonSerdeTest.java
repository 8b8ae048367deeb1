package io.dbchat.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
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
