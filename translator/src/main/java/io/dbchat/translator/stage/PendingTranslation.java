package io.dbchat.translator.stage;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.translator.TranslationRequest;

/** A translation waiting for, or in, a remote call: a {@link TranslationRequest} minus the schema (see {@link SchemaCache}). */
record PendingTranslation(QuestionAsked question, int attempt, SqlFailed previousFailure) {

    static PendingTranslation of(TranslationRequest request) {
        return new PendingTranslation(request.question(), request.attempt(), request.previousFailure());
    }

    String id() {
        return question.queryId() + "#" + attempt;
    }
}
