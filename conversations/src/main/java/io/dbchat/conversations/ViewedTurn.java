package io.dbchat.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbchat.contracts.events.FinalAnswer;
import java.time.Instant;

/**
 * A turn as its conversation shows it again: the question, the reply and SQL, the status ("answered" or
 * "rejected"), the whole answer as first shown ({@code rows_kept} false when its rows were too large to keep),
 * the owner's mark ("right", "wrong" or null) and the datasource asked.
 */
public record ViewedTurn(
        @JsonProperty("query_id") String queryId,
        String question,
        String reply,
        String sql,
        @JsonProperty("asked_at") Instant askedAt,
        String status,
        FinalAnswer answer,
        @JsonProperty("rows_kept") boolean rowsKept,
        String verdict,
        String datasource) {
}
