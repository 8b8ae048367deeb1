package io.dbchat.translator.offline;

import java.util.Set;

/**
 * "What percentage of invoices are overdue?", "the share of tasks that are blocked": the part of the rows that meet the
 * question's conditions, in percent of all of them ({@code 100.0 * count(*) FILTER (WHERE ...) / count(*)}). Read only
 * when the rows follow "of" directly, so every condition of the question is the part measured; when words qualify the
 * rows first ("of open tasks"), a condition needs another table, or there is none, the word is asked about instead.
 */
final class Shares {

    private static final Set<String> WORDS = Set.of("percentage", "percent", "proportion", "share", "fraction");

    private final IntentParser p;
    private int word = -1;

    Shares(IntentParser parser) {
        this.p = parser;
    }

    /** Reads "percentage of (the) rows" before the other readers, as a count the conditions become the part of. */
    void apply() {
        for (int i = 0; i + 2 < p.tokens().size(); i++) {
            if (p.used(i) || !p.is(i, WORDS.toArray(String[]::new)) || !p.is(i + 1, "of")) {
                continue;
            }
            int at = p.skip(i + 2, "the", "all", "our");
            Mention rows = p.mentionAt(at);
            if (rows == null || rows.start() != at || p.termAt(at).map(t -> t.kind() != Term.Kind.TABLE
                    || !t.table().equals(p.intent().table)).orElse(true)) {
                return;  // "the percentage of open tasks": left for the ask-back
            }
            word = i;
            p.intent().count = true;
            p.intent().share = true;
            p.use(i, at);
            return;
        }
    }

    /** After every reader: a part the SQL cannot state as asked is asked about rather than answered as a count. */
    void check() {
        Intent intent = p.intent();
        if (word < 0) {
            return;
        }
        boolean plain = intent.aggregate == null && intent.groupBy == null && !intent.rankRows && intent.joins.isEmpty()
                && !intent.distinct && intent.limit == null && !intent.filters.isEmpty();
        if (!plain) {
            intent.share = false;
            p.decisive(word);
        }
    }

    /** {@code conditions} as the part of the rows of {@code from}, in percent; no rows at all give NULL, not an error. */
    static String sql(Intent intent, java.util.List<String> conditions, String from) {
        return "SELECT 100.0 * count(*) FILTER (WHERE " + String.join(" AND ", conditions) + ") / nullif(count(*), 0) AS "
                + Sql.ident("percentage") + " FROM " + from;
    }
}
