package io.dbchat.translator.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Columns the question names that the query does not use: a word read as a column ("the serial numbers", "the repair
 * costs") that no part of the intent shows, measures, groups, orders or tests. Answered without it, the answer is about
 * something else (a count instead of the costs), so such a word is asked about like any decisive word left unread.
 * Only columns named in full count; dates, keys and flags are left out, as their words are often the verb or the
 * reference of the question instead.
 */
final class ColumnAccount {

    /** Words that ask for an operation even where a column shares them ("the number of rooms", "the total"). */
    private static final Set<String> CUES = Set.of("number", "count", "total", "sum", "average", "avg", "mean", "min",
            "max", "minimum", "maximum", "amount", "many", "much");

    private ColumnAccount() {
    }

    /** The phrases of {@code p}'s question read as a column the intent leaves out, in question order. */
    static List<String> unused(IntentParser p) {
        String footprint = footprint(p.intent());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i);
            if (m == null || m.start() != i || !p.used(i) || m.end() - m.start() == 1 && CUES.contains(p.token(i).lower())) {
                continue;
            }
            List<Col> columns = p.columnsAt(i);
            // a column named in full ("repair cost"), not by one word of its name ("last" of last_name), a synonym or a comment
            boolean full = m.of(Term.Kind.COLUMN).stream().anyMatch(t -> columns.contains(t.column()) && t.weight() >= 0.9);
            if (columns.isEmpty() || !full || columns.stream().anyMatch(c -> c.isDate() || c.isKey() || c.isBoolean())
                    || m.candidates().stream().anyMatch(t -> placed(t, footprint))) {
                continue;
            }
            out.add(String.join(" ", p.tokens().subList(m.start(), m.end()).stream().map(Token::raw).toList()));
        }
        return out;
    }

    private static boolean placed(Term t, String footprint) {
        String name = t.column() == null ? null : t.column().column().name().toLowerCase(Locale.ROOT);
        return name != null && footprint.matches("(?s).*\\b" + java.util.regex.Pattern.quote(name) + "\\b.*")
                || t.value() != null && footprint.contains(t.value().toLowerCase(Locale.ROOT).replace("'", "''"));
    }

    /** Every column the intent uses and the text of its conditions, lower case. */
    private static String footprint(Intent intent) {
        List<Col> used = new ArrayList<>(intent.select);
        used.add(intent.aggregated);
        used.add(intent.groupBy);
        used.add(intent.order == null ? null : intent.order.column());
        intent.alsoMeasured.forEach(m -> used.add(m.column()));
        StringBuilder s = new StringBuilder();
        for (Intent.Filter f : intent.filters) {
            used.add(f.column());
            used.add(f.other());
            s.append(f.template()).append(' ');
        }
        for (Col c : used) {
            for (Col part = c; part != null; part = part.other()) {
                s.append(part.column().name()).append(' ');
            }
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
