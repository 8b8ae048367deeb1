package io.dbchat.translator.context;

import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;

/**
 * Gives a translator the conversation's earlier turns, read when the translation runs: for a remote translator
 * that is on a call thread, so the Redis round trip never blocks the stream thread; for the offline translator it
 * is one local round trip on the stream thread (skipped for a while when Redis is unreachable). A question that
 * carries its history is not read for: a replay carries the turns its original had, and the first question of a
 * conversation the gateway has just opened carries none (it has no earlier turns to read).
 */
public final class WithHistory implements Translator {

    private final Translator delegate;
    private final ConversationHistory store;

    public WithHistory(Translator delegate, ConversationHistory store) {
        this.delegate = delegate;
        this.store = store;
    }

    @Override
    public Translation translate(TranslationRequest request) {
        var recorded = request.question().history();
        var history = recorded != null ? recorded.stream().map(t -> new Turn(null, t.question(), t.sql(), t.answer())).toList()
                : store.turns(request.question().conversationId());
        return delegate.translate(request.withHistory(history));
    }

    @Override
    public boolean isRemote() {
        return delegate.isRemote();
    }
}
