package io.dbchat.gateway.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A question as posted: {@code {"query": "...", "conversation_id": "optional", "datasource": "optional"}}. */
public record ChatRequest(
        String query,
        @JsonProperty("conversation_id") String conversationId,
        String datasource) {
}
