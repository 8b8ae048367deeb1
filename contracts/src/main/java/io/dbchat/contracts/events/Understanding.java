package io.dbchat.contracts.events;

import java.util.List;

/**
 * What a translator made of a question's words, to be shown beside the answer: what it {@code understood} (the
 * parts of the query in words), what it {@code assumed} (a reading it chose, such as a table for an unknown word),
 * and which words it {@code ignored}. {@code listLimit} is the row limit the translator added to a listing itself
 * (null when the question set it or the query is not a listing), {@code estimatedRows} the catalog's estimate of the
 * rows before that limit (null when unknown), so an answer can say "the first 1,000 of about 12,000".
 */
public record Understanding(
        List<String> understood,
        List<String> assumed,
        List<String> ignored,
        Integer listLimit,
        Long estimatedRows) {

    public Understanding {
        understood = understood == null ? List.of() : List.copyOf(understood);
        assumed = assumed == null ? List.of() : List.copyOf(assumed);
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
    }

    /** True when the translator assumed something or left words out: the answer must say so. */
    public boolean hasCaveats() {
        return !assumed.isEmpty() || !ignored.isEmpty();
    }
}
