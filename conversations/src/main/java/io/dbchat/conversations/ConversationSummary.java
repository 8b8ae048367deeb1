package io.dbchat.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One entry of a principal's conversation list: titled by its first question. */
public record ConversationSummary(
        @JsonProperty("conversation_id") String conversationId,
        String title,
        @JsonProperty("last_question") String lastQuestion,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("query_count") int queryCount) {
}
