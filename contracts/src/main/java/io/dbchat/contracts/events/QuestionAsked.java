package io.dbchat.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person asked a question of a datasource; the first event of every query, written by the gateway.
 * {@code replayOf} names the query this one re-runs, or is null. {@code attributes} are the principal's attributes
 * (from its JWT's claims or its API key's configuration) that the access policies bind; null when it has none, and in
 * events written before they existed. {@code history} is null for a question asked now in a conversation that may
 * have earlier turns (the translator reads them itself); empty for the first question of a conversation the gateway
 * has just opened (nothing to read); a replay carries the turns its original had, oldest first, and the translator
 * uses those instead.
 */
public record QuestionAsked(
        int v,
        String queryId,
        String conversationId,
        String principal,
        String datasource,
        String question,
        Instant askedAt,
        String replayOf,
        Map<String, String> attributes,
        List<ConversationTurn> history) {

    public static final int VERSION = 1;

    public QuestionAsked {
        attributes = attributes == null || attributes.isEmpty() ? null : Map.copyOf(attributes);
        history = history == null ? null : List.copyOf(history);
    }

    /** Without attributes or a history, as events were before them. */
    public QuestionAsked(int v, String queryId, String conversationId, String principal, String datasource,
                         String question, Instant askedAt, String replayOf) {
        this(v, queryId, conversationId, principal, datasource, question, askedAt, replayOf, null, null);
    }

    /** With attributes, without a history: a question asked now. */
    public QuestionAsked(int v, String queryId, String conversationId, String principal, String datasource,
                         String question, Instant askedAt, String replayOf, Map<String, String> attributes) {
        this(v, queryId, conversationId, principal, datasource, question, askedAt, replayOf, attributes, null);
    }

    /** The same question asked by a principal with these attributes. */
    public QuestionAsked withAttributes(Map<String, String> principalAttributes) {
        return new QuestionAsked(v, queryId, conversationId, principal, datasource, question, askedAt, replayOf,
                principalAttributes, history);
    }

    /**
     * The same question as the first of a conversation just opened: it has no earlier turns, so the translator
     * need not look for them.
     */
    public QuestionAsked openingItsConversation() {
        return new QuestionAsked(v, queryId, conversationId, principal, datasource, question, askedAt, replayOf,
                attributes, List.of());
    }

    public static QuestionAsked of(String queryId, String conversationId, String principal,
                                   String datasource, String question, Instant askedAt) {
        return new QuestionAsked(VERSION, queryId, conversationId, principal, datasource, question, askedAt, null, null, null);
    }

    /** A re-run of {@code original}'s question as a new query, with the conversation turns the original had. */
    public static QuestionAsked replayOf(QuestionAsked original, String queryId, String conversationId, Instant askedAt,
                                         List<ConversationTurn> history) {
        return new QuestionAsked(VERSION, queryId, conversationId, original.principal(), original.datasource(),
                original.question(), askedAt, original.queryId(), original.attributes(),
                history == null ? List.of() : history);
    }

    /**
     * Whether this query re-runs a recorded one. A replay leaves no trace in anyone's conversations, rate limits or
     * reply streams: every stage that keeps such state skips it on this check.
     */
    @JsonIgnore
    public boolean isReplay() {
        return replayOf != null;
    }
}
