package io.dbchat.gateway.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A judgement of an answer: {@code {"verdict": "right"|"wrong", "corrected_sql": "...", "comment": "..."}}. */
record FeedbackRequest(String verdict, @JsonProperty("corrected_sql") String correctedSql, String comment) {
}
