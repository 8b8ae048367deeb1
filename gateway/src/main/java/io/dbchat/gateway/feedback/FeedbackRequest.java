package io.dbchat.gateway.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A judgement of an answer: {@code {"verdict": "right"|"wrong", "corrected_sql": "...", "comment": "..."}}, with the
 * answer's {@code conversation_id} when it is an earlier turn of a reopened conversation.
 */
record FeedbackRequest(String verdict, @JsonProperty("corrected_sql") String correctedSql, String comment,
                       @JsonProperty("conversation_id") String conversationId) {
}
