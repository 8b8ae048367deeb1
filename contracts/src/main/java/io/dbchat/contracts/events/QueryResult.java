package io.dbchat.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What became of a question's SQL: rows ({@link QueryAnswered}) or a reasoned refusal ({@link QueryRejected}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = QueryAnswered.class, name = "answered"),
        @JsonSubTypes.Type(value = QueryRejected.class, name = "rejected")
})
public sealed interface QueryResult permits QueryAnswered, QueryRejected {

    String queryId();

    QuestionAsked question();
}
