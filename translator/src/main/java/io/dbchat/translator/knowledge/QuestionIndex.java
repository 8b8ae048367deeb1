package io.dbchat.translator.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Known questions with their SQL, by key, each embedded once as {@link Probe} embeds a question (literals masked).
 * {@link #match} is the one matcher of examples and the cache: the most similar known questions above a threshold,
 * in order, whose literal slots and decisive words are the asked question's and whose SQL takes the asked literals
 * ({@link Rebinder}); the first that does is the hit, else a miss. A word of either question that the known SQL holds
 * as a string ("paid" for {@code status = 'paid'}) is a slot of both, so a question that changes it without saying a
 * value of the same column in its place misses. Bounded: the oldest entry goes first.
 */
final class QuestionIndex<T> {

    /** A known question: its datasource, text, SQL (with the strings it holds) and what it came from. */
    record Known<T>(String key, String datasource, String question, String sql, T about, Embedding embedding,
                    Set<String> sqlTexts) {
    }

    /** A known question that answers the asked one, with its SQL re-bound to the asked literals. */
    record Hit<T>(Known<T> known, double similarity, Rebinder.Rebound rebound) {
    }

    private final int capacity;
    private final Map<String, Known<T>> byKey = new LinkedHashMap<>();

    QuestionIndex(int capacity) {
        this.capacity = capacity;
    }

    synchronized void put(String key, String datasource, String question, String sql, T about, Embedder embedder) {
        byKey.remove(key);
        byKey.put(key, new Known<>(key, datasource, question, sql, about, Probe.of(question, embedder).embedding(),
                Rebinder.texts(sql)));
        if (byKey.size() > capacity) {
            byKey.remove(byKey.keySet().iterator().next());
        }
    }

    synchronized void remove(String key) {
        byKey.remove(key);
    }

    synchronized void removeIf(Predicate<Known<T>> which) {
        byKey.values().removeIf(which);
    }

    synchronized int size() {
        return byKey.size();
    }

    /** The known questions of a datasource that pass {@code usable}, most similar first, at least {@code minimum}. */
    List<Map.Entry<Known<T>, Double>> similar(Probe probe, String datasource, Predicate<Known<T>> usable, double minimum) {
        List<Known<T>> candidates;
        synchronized (this) {
            candidates = byKey.values().stream().filter(k -> k.datasource().equals(datasource)).toList();
        }
        List<Map.Entry<Known<T>, Double>> scored = new ArrayList<>();
        for (Known<T> k : candidates) {
            double similarity = CosineSimilarity.between(probe.embedding(), k.embedding());
            if (similarity >= minimum && usable.test(k)) {
                scored.add(Map.entry(k, similarity));
            }
        }
        scored.sort(Comparator.comparingDouble(e -> -e.getValue()));
        return scored;
    }

    Optional<Hit<T>> match(Probe probe, SchemaSnapshot schema, Predicate<Known<T>> usable, double threshold) {
        for (var candidate : similar(probe, schema.datasource(), usable, threshold)) {
            // a word the SQL holds as a string is a literal of both questions: "paid" and "overdue" are no paraphrase
            Set<String> texts = candidate.getKey().sqlTexts();
            QuestionShape asked = QuestionShape.of(probe.question(), schema, texts);
            QuestionShape known = QuestionShape.of(candidate.getKey().question(), schema, texts);
            if (!known.sameSlots(asked)) {
                continue;
            }
            var rebound = Rebinder.rebind(candidate.getKey().sql(), known.literals(), asked.literals());
            if (rebound.isPresent()) {
                return Optional.of(new Hit<>(candidate.getKey(), candidate.getValue(), rebound.get()));
            }
        }
        return Optional.empty();
    }
}
