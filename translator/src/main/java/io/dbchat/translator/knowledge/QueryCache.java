package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.Optional;

/**
 * The semantic cache of one translator instance, a view of the global store over the cache topic (every instance
 * reads all of it): questions a model translated and the database answered. A question reuses one's SQL when it means
 * the same ({@link QuestionIndex#match}: similar, same literal slots, literals re-bound) for the same datasource and
 * schema version; a newer schema version drops the older entries, a wrong mark deletes an entry (a tombstone), and an
 * approved example correcting it hides it.
 */
public final class QueryCache {

    private final Embedder embedder;
    private final QuestionIndex<CachedQuery> index;

    public QueryCache(Embedder embedder, int capacity) {
        this.embedder = embedder;
        this.index = new QuestionIndex<>(capacity);
    }

    public void apply(String queryId, CachedQuery cached) {
        if (cached == null) {
            index.remove(queryId);
        } else {
            index.put(queryId, cached.datasource(), cached.question(), cached.sql(), cached, embedder);
        }
    }

    public int size() {
        return index.size();
    }

    Optional<QuestionIndex.Hit<CachedQuery>> match(Probe probe, SchemaSnapshot schema, KnowledgeView knowledge,
                                                  double threshold) {
        // what an older schema version answered may name what is gone: it never comes back
        index.removeIf(k -> k.datasource().equals(schema.datasource())
                && !k.about().schemaVersion().equals(schema.version()));
        return index.match(probe, schema, k -> !knowledge.corrected(schema.datasource(), k.about().queryId()), threshold);
    }
}
