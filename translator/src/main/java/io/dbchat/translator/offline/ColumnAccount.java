package io.dbchat.translator.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Columns the question names that the query does not use: a word read as a column ("the serial numbers", "the fine
 * amounts per month") that the written SQL neither shows, measures, groups, orders nor tests. Answered without it, the
 * answer is about something else (a count instead of the amounts), so such a word is asked about like any decisive
 * word left unread. Only columns named in full count; dates, keys and flags are left out, as their words are often
 * the verb or the reference of the question instead.
 */
final class ColumnAccount {

    /** Words that ask for an operation even where a column shares them ("the number of rooms", "the total"). */
    private static final Set<String> CUES = Set.of("number", "count", "total", "sum", "average", "avg", "mean", "min",
            "max", "minimum", "maximum", "amount", "many", "much");

    /** A phrase of the question read as a column: the names of the columns it may mean, and values it may stand for. */
    record Named(String phrase, List<String> columns, List<String> values) {
    }

    private ColumnAccount() {
    }

    /** The phrases of {@code p}'s question read as a column, in question order. */
    static List<Named> named(IntentParser p) {
        List<Named> out = new ArrayList<>();
        for (int i = 0; i < p.tokens().size(); i++) {
            Mention m = p.mentionAt(i);
            if (m == null || m.start() != i || !p.used(i) || m.end() - m.start() == 1 && CUES.contains(p.token(i).lower())) {
                continue;
            }
            List<Col> columns = p.columnsAt(i);
            // a column named in full ("fine amount"), not by one word of its name ("last" of last_name), a synonym or a comment
            boolean full = m.of(Term.Kind.COLUMN).stream().anyMatch(t -> columns.contains(t.column()) && t.weight() >= 0.9);
            if (columns.isEmpty() || !full || columns.stream().anyMatch(c -> c.isDate() || c.isKey() || c.isBoolean())) {
                continue;
            }
            String phrase = String.join(" ", p.tokens().subList(m.start(), m.end()).stream().map(Token::raw).toList());
            out.add(new Named(phrase,
                    m.candidates().stream().filter(t -> t.column() != null).map(t -> t.column().column().name()).distinct().toList(),
                    m.candidates().stream().filter(t -> t.value() != null).map(Term::value).distinct().toList()));
        }
        return out;
    }

    /** The phrases of {@code named} of which {@code sql} uses neither a column nor a value. */
    static List<String> missing(List<Named> named, String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return named.stream().filter(n -> n.columns().stream().noneMatch(c -> Pattern.compile(
                        "(?<![\\w$])" + Pattern.quote(c.toLowerCase(Locale.ROOT)) + "(?![\\w$])").matcher(lower).find())
                        && n.values().stream().noneMatch(v -> lower.contains(v.toLowerCase(Locale.ROOT).replace("'", "''"))))
                .map(Named::phrase).distinct().toList();
    }
}
