package io.dbchat.translator.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The in-process embedding model (all-MiniLM-L6-v2 in production), loaded once, on first use. The embeddings of the
 * most recent texts are kept (a question asked again, the commonest cache hit, is not embedded again).
 */
public final class Embedder {

    private static final int REMEMBERED = 1024;

    private final Supplier<EmbeddingModel> model;
    private final Map<String, Embedding> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile EmbeddingModel loaded;

    public Embedder(Supplier<EmbeddingModel> model) {
        this.model = model;
    }

    Embedding embed(String text) {
        synchronized (recent) {
            Embedding known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        Embedding computed = model().embed(text).content();
        synchronized (recent) {
            recent.put(text, computed);
        }
        return computed;
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
