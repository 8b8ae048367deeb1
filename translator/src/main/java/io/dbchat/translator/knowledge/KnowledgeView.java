package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The approved knowledge of every datasource, kept in step with the compacted knowledge topic by a global store's
 * processor (so rebuilt from the topic on start and changed within a poll of a save): an entry that is approved is
 * used, one that is deleted (a tombstone) or no longer approved is dropped. Approved examples are indexed by the
 * embedding of their question ({@link QuestionIndex}).
 */
public final class KnowledgeView {

    private final Embedder embedder;
    private final Map<String, KnowledgeEntry> approved = new ConcurrentHashMap<>();
    /** Approved entries per datasource, and the answers (datasource/query id) that approved examples corrected. */
    private final Map<String, Integer> datasources = new ConcurrentHashMap<>();
    private final Map<String, Integer> corrections = new ConcurrentHashMap<>();
    private final QuestionIndex<KnowledgeEntry> examples;

    public KnowledgeView(Embedder embedder, int maxExamples) {
        this.embedder = embedder;
        this.examples = new QuestionIndex<>(maxExamples);
    }

    /** A record of the knowledge topic: a value under its key, or a tombstone (null). */
    public synchronized void apply(String key, KnowledgeEntry entry) {
        KnowledgeEntry before = approved.remove(key);
        if (before != null) {
            datasources.merge(before.datasource(), -1, KnowledgeView::sum);
            if (KnowledgeEntry.EXAMPLE.equals(before.kind()) && before.sourceQueryId() != null) {
                corrections.merge(before.datasource() + "/" + before.sourceQueryId(), -1, KnowledgeView::sum);
            }
        }
        if (entry == null || !entry.approved()) {
            examples.remove(key);
            return;
        }
        approved.put(key, entry);
        datasources.merge(entry.datasource(), 1, Integer::sum);
        if (KnowledgeEntry.EXAMPLE.equals(entry.kind()) && entry.sourceQueryId() != null) {
            corrections.merge(entry.datasource() + "/" + entry.sourceQueryId(), 1, Integer::sum);
        }
        if (KnowledgeEntry.EXAMPLE.equals(entry.kind()) && entry.question() != null && entry.sql() != null) {
            examples.put(key, entry.datasource(), entry.question(), entry.sql(), entry, embedder);
        } else {
            examples.remove(key);
        }
    }

    /** Approved entries of every datasource. */
    public int size() {
        return approved.size();
    }

    /** A count that reaches zero is removed, so a key present means at least one. */
    private static Integer sum(Integer a, Integer b) {
        return a + b == 0 ? null : a + b;
    }

    public boolean knows(String datasource) {
        return datasources.containsKey(datasource);
    }

    /** The approved example that answers the question, its SQL re-bound to the question's literals. */
    Optional<QuestionIndex.Hit<KnowledgeEntry>> example(Probe probe, SchemaSnapshot schema, double threshold) {
        return examples.match(probe, schema, k -> true, threshold);
    }

    /** An answer from this query was corrected by an approved example, so it must not be reused. */
    boolean corrected(String datasource, String queryId) {
        return corrections.containsKey(datasource + "/" + queryId);
    }

    /** The {@code k} most similar approved examples, the terms the question names and the datasource's notes. */
    KnowledgeHints hints(Probe probe, String datasource, int k, double minimum) {
        List<KnowledgeEntry> similar = examples.similar(probe, datasource, x -> true, minimum).stream()
                .limit(k).map(e -> e.getKey().about()).toList();
        List<KnowledgeEntry> entries = approved.values().stream().filter(e -> e.datasource().equals(datasource))
                .sorted(Comparator.comparing(KnowledgeEntry::id)).toList();
        List<KnowledgeEntry> terms = entries.stream().filter(e -> KnowledgeEntry.TERM.equals(e.kind()))
                .filter(e -> named(probe.question(), e)).toList();
        List<KnowledgeEntry> docs = entries.stream().filter(e -> KnowledgeEntry.DOC.equals(e.kind())).toList();
        return new KnowledgeHints(similar, terms, docs);
    }

    /** The approved terms of a datasource that the question names by name or synonym. */
    List<KnowledgeEntry> termsNamed(String question, String datasource) {
        return approved.values().stream().filter(e -> e.datasource().equals(datasource)
                && KnowledgeEntry.TERM.equals(e.kind()) && named(question, e)).toList();
    }

    static boolean named(String question, KnowledgeEntry term) {
        String lower = question.toLowerCase(Locale.ROOT);
        return java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(term.name()), term.synonyms().stream())
                .filter(n -> !n.isBlank())
                .anyMatch(n -> Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(n.toLowerCase(Locale.ROOT).strip())
                        + "(s|es)?(?![\\p{L}\\d])").matcher(lower).find());
    }
}
