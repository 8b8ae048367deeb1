package io.dbchat.translator.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.function.Supplier;

/** The in-process embedding model (all-MiniLM-L6-v2 in production), loaded once, on first use. */
public final class Embedder {

    private final Supplier<EmbeddingModel> model;
    private volatile EmbeddingModel loaded;

    public Embedder(Supplier<EmbeddingModel> model) {
        this.model = model;
    }

    Embedding embed(String text) {
        return model().embed(text).content();
    }

    /** Loads the model now, so the first question does not wait for it. */
    public void warmUp() {
        model();
    }

    private EmbeddingModel model() {
        EmbeddingModel m = loaded;
        if (m == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = model.get();
                }
                m = loaded;
            }
        }
        return m;
    }
}
