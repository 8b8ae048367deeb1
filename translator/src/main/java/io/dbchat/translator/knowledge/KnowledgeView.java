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
    private final QuestionIndex<KnowledgeEntry> examples;

    public KnowledgeView(Embedder embedder, int maxExamples) {
        this.embedder = embedder;
        this.examples = new QuestionIndex<>(maxExamples);
    }

    /** A record of the knowledge topic: a value under its key, or a tombstone (null). */
    public void apply(String key, KnowledgeEntry entry) {
        if (entry == null || !entry.approved()) {
            approved.remove(key);
            examples.remove(key);
            return;
        }
        approved.put(key, entry);
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

    public boolean knows(String datasource) {
        return approved.values().stream().anyMatch(e -> e.datasource().equals(datasource));
    }

    /** The approved example that answers the question, its SQL re-bound to the question's literals. */
    Optional<QuestionIndex.Hit<KnowledgeEntry>> example(Probe probe, SchemaSnapshot schema, double threshold) {
        return examples.match(probe, schema, k -> true, threshold);
    }

    /** An answer from this query was corrected by an approved example, so it must not be reused. */
    boolean corrected(String datasource, String queryId) {
        return approved.values().stream().anyMatch(e -> e.datasource().equals(datasource)
                && KnowledgeEntry.EXAMPLE.equals(e.kind()) && queryId.equals(e.sourceQueryId()));
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
