package io.dbchat.translator.knowledge;

import dev.langchain4j.data.embedding.Embedding;

/**
 * A question made ready for matching, once per translation: its embedding is of the question with its literals
 * masked without the schema's help (numbers, dates, quoted and capitalised names), the same masking every known
 * question's embedding had, so "invoices over 500 in 2024" and "invoices over 800 in 2023" embed alike.
 */
record Probe(String question, Embedding embedding) {

    static Probe of(String question, Embedder embedder) {
        return new Probe(question, embedder.embed(QuestionShape.of(question, null).masked()));
    }
}
