package io.dbchat.gateway.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One question of a conversation and what became of it: pending, working, answered or failed. */
public record Turn(
        @JsonProperty("query_id") String queryId,
        String question,
        String reply,
        String sql,
        @JsonProperty("asked_at") Instant askedAt,
        String status) {

    Turn withReply(String reply, String sql, String status) {
        return new Turn(queryId, question, reply, sql, askedAt, status);
    }
}
