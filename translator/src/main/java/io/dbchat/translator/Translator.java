package io.dbchat.translator;

/** Turns a question about a datasource, described by its schema snapshot, into SQL or a refusal. */
public interface Translator {

    Translation translate(TranslationRequest request);

    /** True when a translation may take long (a remote model), so it must run off the stream thread. */
    default boolean isRemote() {
        return false;
    }
}
