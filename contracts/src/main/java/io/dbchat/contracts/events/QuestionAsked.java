package io.dbchat.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A person asked a question of a datasource; the first event of every query, written by the gateway.
 * {@code replayOf} names the query this one re-runs, or is null. {@code history} is null for a question asked now (the
 * translator reads the conversation's earlier turns itself); a replay carries the turns its original had, oldest first,
 * and the translator uses those instead.
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
        List<ConversationTurn> history) {

    public static final int VERSION = 1;

    public QuestionAsked {
        history = history == null ? null : List.copyOf(history);
    }

    /** Without a history, as questions were before it. */
    public QuestionAsked(int v, String queryId, String conversationId, String principal, String datasource,
                         String question, Instant askedAt, String replayOf) {
        this(v, queryId, conversationId, principal, datasource, question, askedAt, replayOf, null);
    }

    public static QuestionAsked of(String queryId, String conversationId, String principal,
                                   String datasource, String question, Instant askedAt) {
        return new QuestionAsked(VERSION, queryId, conversationId, principal, datasource, question, askedAt, null, null);
    }

    /** A re-run of {@code original}'s question as a new query, with the conversation turns the original had. */
    public static QuestionAsked replayOf(QuestionAsked original, String queryId, String conversationId, Instant askedAt,
                                         List<ConversationTurn> history) {
        return new QuestionAsked(VERSION, queryId, conversationId, original.principal(), original.datasource(),
                original.question(), askedAt, original.queryId(), history == null ? List.of() : history);
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
