package io.dbchat.translator.offline;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fuzzy table matching with the in-process all-MiniLM-L6-v2 model: a question word no table name or
 * synonym explains ("customers", "staff") is compared with each table's name and comment. Table
 * embeddings are computed once per schema version; the model itself loads once, on first use.
 */
final class FuzzyTables {

    static final double MIN_SIMILARITY = 0.5;
    /** The best table must beat the runner-up by this much, else the word is too vague to decide. */
    static final double MARGIN = 0.04;

    private final Supplier<EmbeddingModel> model;
    private final Map<String, List<Embedding>> tablesByVersion = new ConcurrentHashMap<>();
    private volatile EmbeddingModel loaded;

    FuzzyTables() {
        this(AllMiniLmL6V2EmbeddingModel::new);
    }

    FuzzyTables(Supplier<EmbeddingModel> model) {
        this.model = model;
    }

    /** The table a question word most resembles, above {@link #MIN_SIMILARITY}, with the word's index. */
    Optional<Match> find(List<Token> tokens, SchemaSnapshot schema) {
        List<Embedding> tables = tablesByVersion.computeIfAbsent(schema.datasource() + "@" + schema.version(),
                k -> embedTables(schema));
        Match best = null;
        for (Token t : tokens) {
            if (Stopwords.is(t.word()) || t.isNumber() || t.raw().length() < 3) {
                continue;
            }
            Match m = closest(model().embed(t.lower()).content(), tables, schema, t.index());
            if (m != null && (best == null || m.similarity() > best.similarity())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Match closest(Embedding word, List<Embedding> tables, SchemaSnapshot schema, int index) {
        int best = -1;
        double first = -1;
        double second = -1;
        for (int i = 0; i < tables.size(); i++) {
            double similarity = CosineSimilarity.between(word, tables.get(i));
            if (similarity > first) {
                second = first;
                first = similarity;
                best = i;
            } else if (similarity > second) {
                second = similarity;
            }
        }
        return first >= MIN_SIMILARITY && first - second >= MARGIN ? new Match(schema.tables().get(best), index, first) : null;
    }

    private List<Embedding> embedTables(SchemaSnapshot schema) {
        if (tablesByVersion.size() > 32) {
            tablesByVersion.clear();
        }
        List<TextSegment> texts = schema.tables().stream().map(FuzzyTables::describe).map(TextSegment::from).toList();
        return model().embedAll(texts).content();
    }

    /** The table's name as words, kept plural: the model places "customers" nearer "clients" than "client". */
    private static String describe(TableSchema t) {
        return t.name().replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2").replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    /** Loads the model now, so the first fuzzy question does not wait for it. */
    void warmUp() {
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

    record Match(TableSchema table, int tokenIndex, double similarity) {
    }
}
