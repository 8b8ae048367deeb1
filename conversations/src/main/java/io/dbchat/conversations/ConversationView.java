package io.dbchat.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A conversation with its finished turns, oldest first. */
public record ConversationView(
        @JsonProperty("conversation_id") String conversationId,
        String title,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        List<ViewedTurn> turns) {
}
