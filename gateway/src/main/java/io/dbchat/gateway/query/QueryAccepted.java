package io.dbchat.gateway.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 202 body of an asynchronous question: where to follow its replies. */
public record QueryAccepted(
        @JsonProperty("query_id") String queryId,
        @JsonProperty("conversation_id") String conversationId,
        @JsonProperty("events_url") String eventsUrl) {

    public static String eventsUrl(String queryId) {
        return "/api/chat/queries/" + queryId + "/events";
    }
}
