package io.dbchat.translator.offline;

import java.util.List;

/** Tokens {@code start} (inclusive) to {@code end} (exclusive) of a question name one of {@code candidates}. */
record Mention(int start, int end, List<Term> candidates) {

    boolean names(Term.Kind kind) {
        return candidates.stream().anyMatch(t -> t.kind() == kind);
    }

    List<Term> of(Term.Kind kind) {
        return candidates.stream().filter(t -> t.kind() == kind).toList();
    }
}
