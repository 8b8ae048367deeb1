package io.dbchat.translator.prompt;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SchemaText;
import io.dbchat.contracts.schema.SqlIdentifiers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Chooses the tables a prompt shows. A schema whose rendering fits the token budget is shown whole; a larger
 * one is cut to the tables most similar to the question (embedding cosine similarity), each followed by its
 * foreign-key neighbours, added while they fit. Table embeddings are computed once per schema version.
 */
public final class SchemaSelector {

    private static final int MAX_CACHED_SCHEMAS = 32;

    private final int budgetTokens;
    private final Supplier<EmbeddingModel> model;
    private final Map<String, Map<String, Embedding>> embeddings = new ConcurrentHashMap<>();
    /** Whether a schema version fits whole: rendering 500 tables for every question would cost more than the call. */
    private final Map<String, Boolean> fitsWhole = new ConcurrentHashMap<>();

    /** @param model called once, on the first schema too large for the budget (loading the model takes a second) */
    public SchemaSelector(int budgetTokens, Supplier<EmbeddingModel> model) {
        this.budgetTokens = budgetTokens;
        this.model = memoize(model);
    }

    public List<TableSchema> select(SchemaSnapshot schema, String question) {
        if (fitsWhole.size() > MAX_CACHED_SCHEMAS) {
            fitsWhole.clear();
        }
        if (fitsWhole.computeIfAbsent(key(schema), k -> SchemaText.approxTokens(SchemaText.render(schema)) <= budgetTokens)) {
            return schema.tables();
        }
        JoinGraph graph = JoinGraph.of(schema);
        Map<String, TableSchema> byRef = schema.tables().stream()
                .collect(Collectors.toMap(SchemaSelector::ref, t -> t, (a, b) -> a));
        Set<String> chosen = new LinkedHashSet<>();
        int used = 0;
        for (TableSchema table : ranked(schema, question)) {
            List<String> group = new ArrayList<>(List.of(ref(table)));
            group.addAll(graph.neighbours(ref(table)));
            for (String candidate : group) {
                int cost = cost(byRef.get(candidate));
                if (!chosen.contains(candidate) && byRef.containsKey(candidate) && used + cost <= budgetTokens) {
                    chosen.add(candidate);
                    used += cost;
                }
            }
        }
        return schema.tables().stream().filter(t -> chosen.contains(ref(t))).toList();
    }

    /** A table's rendering plus its join lines, which the prompt shows beside it. */
    private static int cost(TableSchema table) {
        if (table == null) {
            return Integer.MAX_VALUE / 2;
        }
        int joins = table.foreignKeys() == null ? 0 : table.foreignKeys().size();
        return SchemaText.approxTokens(SchemaText.render(single(table))) + 1 + joins * 16;
    }

    private static SchemaSnapshot single(TableSchema table) {
        return new SchemaSnapshot(SchemaSnapshot.VERSION, "", "", null, List.of(table));
    }

    private List<TableSchema> ranked(SchemaSnapshot schema, String question) {
        Map<String, Embedding> tables = tableEmbeddings(schema);
        Embedding q = model.get().embed(question).content();
        Map<String, Double> score = new ConcurrentHashMap<>();
        tables.forEach((ref, e) -> score.put(ref, CosineSimilarity.between(q, e)));
        return schema.tables().stream()
                .sorted(Comparator.comparingDouble((TableSchema t) -> -score.getOrDefault(ref(t), 0.0)))
                .toList();
    }

    private Map<String, Embedding> tableEmbeddings(SchemaSnapshot schema) {
        if (embeddings.size() > MAX_CACHED_SCHEMAS) {
            embeddings.clear();
        }
        return embeddings.computeIfAbsent(key(schema), k -> {
            List<TextSegment> texts = schema.tables().stream().map(t -> TextSegment.from(describe(t))).toList();
            List<Embedding> vectors = model.get().embedAll(texts).content();
            Map<String, Embedding> out = new ConcurrentHashMap<>();
            for (int i = 0; i < vectors.size(); i++) {
                out.put(ref(schema.tables().get(i)), vectors.get(i));
            }
            return out;
        });
    }

    /** Words, not identifiers: the embedding model knows "time entries" better than "time_entries". */
    static String describe(TableSchema t) {
        String columns = t.columns().stream().map(ColumnSchema::name).collect(Collectors.joining(", "));
        String comment = t.comment() == null ? "" : ". " + t.comment();
        return (t.name() + ": " + columns + comment).replace('_', ' ');
    }

    /** The version is a hash of the content, so datasource and version name one rendering. */
    private static String key(SchemaSnapshot schema) {
        return schema.datasource() + "@" + schema.version();
    }

    static String ref(TableSchema t) {
        return SqlIdentifiers.table(t.schema(), t.name());
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
