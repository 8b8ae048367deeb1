package io.dbchat.translator;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.translator.context.Turn;
import java.util.List;

/**
 * Everything a translator may use: the question, the datasource's schema, the conversation's earlier
 * turns (oldest first), and on a retry the failure of the previous attempt (null on attempt 1).
 */
public record TranslationRequest(QuestionAsked question, SchemaSnapshot schema, List<Turn> history,
                                 int attempt, SqlFailed previousFailure) {

    public static TranslationRequest first(QuestionAsked question, SchemaSnapshot schema, List<Turn> history) {
        return new TranslationRequest(question, schema, List.copyOf(history), 1, null);
    }
}
