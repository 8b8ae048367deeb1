package io.dbchat.translator;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;

/** Turns a question about a datasource, described by its schema snapshot, into SQL or a refusal. */
public interface Translator {

    Translation translate(QuestionAsked question, SchemaSnapshot schema);
}
