package io.dbchat.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.serde.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlFailedTest {

    static final SqlProposed PROPOSAL = SqlProposed.of(QuestionAsked.of("q1", "c1", "alice", "demo", "Budgets?",
            Instant.EPOCH), "SELECT budgett FROM projects", 1, TranslatorInfo.offline("v"), Usage.NONE, 0, "v-1");

    @Test
    void aRefusalRoundTripsWithTheGuardsProblem() {
        var refused = SqlFailed.refused(PROPOSAL, new Problem("sql.column_not_allowed", "The column 'budgett' is not available."));

        var read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(refused), SqlFailed.class);

        assertThat(read).isEqualTo(refused);
        assertThat(read.fromGuard()).isTrue();
        assertThat(read.message()).isEqualTo("The column 'budgett' is not available.");
    }

    @Test
    void aDatabaseFailureWrittenBeforeRefusalsTravelledHereReadsWithoutOne() {
        var failed = SqlFailed.of(PROPOSAL, "undefined_column", "42703", "column \"budgett\" does not exist");
        var json = Json.MAPPER.writeValueAsString(failed);
        var old = json.replace(",\"refusal\":null", "");

        var read = Json.MAPPER.readValue(old, SqlFailed.class);

        assertThat(old).doesNotContain("refusal");
        assertThat(read).isEqualTo(failed);
        assertThat(read.fromGuard()).isFalse();
    }
}
