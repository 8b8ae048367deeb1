package io.dbchat.gateway.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A conversation with its turns, oldest first (at most {@code max-turns} of the latest). */
public record ConversationView(@JsonProperty("conversation_id") String conversationId, List<Turn> turns) {
}
