package io.dbchat.translator;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.translator.context.Turn;
import io.dbchat.translator.knowledge.KnowledgeHints;
import java.util.List;

/**
 * Everything a translator may use: the question, the datasource's schema, the conversation's earlier
 * turns (oldest first), on a retry the failure of the previous attempt (null on attempt 1), and what the team's
 * knowledge offers the question ({@link KnowledgeHints#NONE} when nothing).
 */
public record TranslationRequest(QuestionAsked question, SchemaSnapshot schema, List<Turn> history,
                                 int attempt, SqlFailed previousFailure, KnowledgeHints knowledge) {

    public TranslationRequest {
        knowledge = knowledge == null ? KnowledgeHints.NONE : knowledge;
    }

    public TranslationRequest(QuestionAsked question, SchemaSnapshot schema, List<Turn> history, int attempt,
                              SqlFailed previousFailure) {
        this(question, schema, history, attempt, previousFailure, KnowledgeHints.NONE);
    }

    /** The same request with other history. */
    public TranslationRequest withHistory(List<Turn> turns) {
        return new TranslationRequest(question, schema, turns, attempt, previousFailure, knowledge);
    }

    /** The same request with another schema (a principal's view of it). */
    public TranslationRequest withSchema(SchemaSnapshot seen) {
        return new TranslationRequest(question, seen, history, attempt, previousFailure, knowledge);
    }

    /** The same request with what the knowledge offers it. */
    public TranslationRequest withKnowledge(KnowledgeHints hints) {
        return new TranslationRequest(question, schema, history, attempt, previousFailure, hints);
    }

    public static TranslationRequest first(QuestionAsked question, SchemaSnapshot schema, List<Turn> history) {
        return new TranslationRequest(question, schema, List.copyOf(history), 1, null);
    }
}
