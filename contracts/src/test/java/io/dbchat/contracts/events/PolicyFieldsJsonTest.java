package io.dbchat.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.serde.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The principal's attributes and the applied policies: at the end of their records, absent in older events. */
class PolicyFieldsJsonTest {

    static final QuestionAsked QUESTION = QuestionAsked.of("q-1", "c-1", "alice", "demo", "How many?",
            Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void attributesTravelWithTheQuestionAndOlderEventsHaveNone() throws Exception {
        var asked = QUESTION.withAttributes(Map.of("region", "EU"));

        var read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(asked), QuestionAsked.class);
        var older = Json.MAPPER.readValue("""
                {"v":1,"queryId":"q-1","conversationId":"c-1","principal":"alice","datasource":"demo",
                 "question":"How many?","askedAt":"2026-12-01T10:00:00Z"}""", QuestionAsked.class);

        assertThat(read).isEqualTo(asked);
        assertThat(read.attributes()).containsEntry("region", "EU");
        assertThat(older.attributes()).isNull();
        assertThat(Json.MAPPER.writeValueAsString(QUESTION)).doesNotContain("attributes");
    }

    @Test
    void theAnswerNamesThePoliciesThatApplied() throws Exception {
        var proposal = SqlProposed.of(QUESTION, "SELECT 1", 1, TranslatorInfo.offline("t"), Usage.NONE, 0, "v");
        QueryResult answered = QueryAnswered.of(proposal, List.of(), List.of(), false, 1).withPolicies(List.of("rows:t"));

        QueryResult read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(answered), QueryResult.class);

        assertThat(read).isEqualTo(answered);
        assertThat(((QueryAnswered) read).policies()).containsExactly("rows:t");
        assertThat(QueryAnswered.of(proposal, List.of(), List.of(), false, 1).policies()).isNull();
    }
}
