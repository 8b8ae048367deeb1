package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Superlatives of time served: "the longest-serving employee", "the member who has been with us the longest", "the most
 * senior engineer" rank by how long ago the row's service started, so the earliest start comes first; "the shortest",
 * "the most junior" the latest. A length of time ranked on a date is the time since it, the opposite of the date's order.
 */
final class Tenure {

    /** Words that rank by time served only after "most" or "least" ("senior engineers" alone is a title): true when the latest start comes first. */
    static final Map<String, Boolean> AFTER_MOST = Map.of("senior", false, "junior", true);
    /** Words after "longest" or "shortest" that only say what lasted: "longest-serving", "longest-standing". */
    private static final Set<String> QUALIFIERS = Set.of("serving", "standing", "tenured", "running", "established");
    /** Words of the date a person's service or membership starts, best first. */
    private static final List<String> SERVICE = List.of("hired", "hire", "joined", "join", "since", "member", "employed",
            "enrolled", "registered");
    /** Words of other dates a row starts on, read as its start only when a qualifier says service ("longest-standing"). */
    private static final List<String> STARTS = List.of("start", "started", "founded", "opened", "established", "created");

    private Tenure() {
    }

    /** True when {@code word} names a length of time ("longest", "shortest"). */
    static boolean measures(String word) {
        return word.equals("longest") || word.equals("shortest");
    }

    /**
     * The date {@code table}'s rows start their service on: the first date named by a word of {@link #SERVICE}; with a
     * qualifier after the superlative ({@code qualified}) also the first named by a word of {@link #STARTS}.
     */
    static Optional<Col> start(TableSchema table, boolean qualified) {
        List<Col> dates = Schema.visible(table).stream().filter(Col::isDate).toList();
        List<String> words = new java.util.ArrayList<>(SERVICE);
        if (qualified) {
            words.addAll(STARTS);
        }
        for (String word : words) {
            for (Col c : dates) {
                if (c.words().contains(word)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** True when a qualifier of time served stands at {@code at} ("-serving", "-standing"). */
    static boolean qualifierAt(IntentParser p, int at) {
        return p.token(at) != null && QUALIFIERS.contains(p.token(at).lower()) && !p.used(at);
    }

}
