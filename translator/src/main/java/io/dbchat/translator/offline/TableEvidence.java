package io.dbchat.translator.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a table no word names was chosen on evidence: "average salary by job title" is about users because salary
 * and job_title are read as users' columns. "revenue last quarter" chose users only because "last" is also a word of
 * last_name, and read "last" as the period: no word stands for users in the answer, which would be about an unrelated
 * table (listed by a date it happens to have). Such a question is about no table the translator can tell.
 */
final class TableEvidence {

    private TableEvidence() {
    }

    /**
     * True when a word read in the question ({@code used}) names the main table, or a column the intent uses ("Who
     * borrowed Dune?": the title of the book the loans are joined to).
     */
    static boolean linked(Intent intent, List<Mention> mentions, boolean[] used) {
        List<Col> read = columns(intent);
        for (Mention m : mentions) {
            if (!used[m.start()]) {
                continue;
            }
            for (Term t : m.candidates()) {
                if (t.kind() == Term.Kind.TABLE && t.table().equals(intent.table) || t.column() != null && read.stream()
                        .anyMatch(c -> c.table().equals(t.table()) && c.column().name().equals(t.column().column().name()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every column the intent reads: shown, filtered, grouped, ordered or measured. */
    private static List<Col> columns(Intent intent) {
        List<Col> out = new ArrayList<>(intent.select);
        for (Intent.Filter f : intent.filters) {
            out.add(f.column());
            out.add(f.other());
        }
        out.add(intent.groupBy);
        out.add(intent.order == null ? null : intent.order.column());
        out.add(intent.aggregated);
        intent.alsoMeasured.forEach(m -> out.add(m.column()));
        List<Col> all = new ArrayList<>();
        for (Col c : out.stream().filter(Objects::nonNull).toList()) {
            all.add(c);
            if (c.other() != null) {
                all.add(c.other());
            }
        }
        return all;
    }
}
