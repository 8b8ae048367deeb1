package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import java.util.List;

/**
 * What a team's knowledge offers a model's prompt for one question: the most similar approved examples (most similar
 * first), the business terms the question names, and the notes on tables (the prompt keeps those of its tables).
 */
public record KnowledgeHints(List<KnowledgeEntry> examples, List<KnowledgeEntry> terms, List<KnowledgeEntry> docs) {

    public static final KnowledgeHints NONE = new KnowledgeHints(List.of(), List.of(), List.of());

    public KnowledgeHints {
        examples = List.copyOf(examples);
        terms = List.copyOf(terms);
        docs = List.copyOf(docs);
    }

    public boolean isEmpty() {
        return examples.isEmpty() && terms.isEmpty() && docs.isEmpty();
    }
}
