package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * "clients who haven't paid their invoices (yet)", "members who have not settled their fees": a denial of what happened
 * to the rows a row owns, named with "their" or "its", is not a denial that such rows exist. The rows exist and the verb's
 * event has not happened to them: their date of it is empty ({@code paid_on IS NULL}), else their stored state is
 * another ({@code status <> 'Paid'}). Read as an EXISTS over those rows and stated as an assumption; a verb that names
 * neither leaves the words to the plain denial.
 */
final class Unsettled {

    private static final String[] POSSESSIVES = {"their", "its", "his", "her"};

    private final IntentParser p;
    private final Conditions conditions;

    Unsettled(IntentParser parser, Conditions conditions) {
        this.p = parser;
        this.conditions = conditions;
    }

    /**
     * True when the rows of {@code related} are named at {@code at} after "their", "its" or an article: the object of the
     * verb before, read with the rows ("haven't paid their invoices", "never paid an invoice") rather than by the verb.
     */
    static boolean objectAt(IntentParser p, int at, TableSchema related) {
        if (!p.is(at, POSSESSIVES) && !p.is(at, "a", "an", "any", "single", "one")) {
            return false;
        }
        int table = p.skip(at + 1, "single");
        Mention m = p.mentionAt(table);
        return m != null && m.start() == table && Resolution.resolve(m, p.intent().table).stream()
                .anyMatch(t -> t.kind() == Term.Kind.TABLE && t.table().equals(related));
    }

    /**
     * Reads the denial at {@code negation} of the verb before "their" and the rows of {@code related} named by {@code rows}
     * (from {@code from}), reached along {@code path}; false, with nothing read, when the words do not have that shape.
     */
    boolean read(int negation, int from, Mention rows, TableSchema related, List<Schema.Join> path) {
        if (!p.is(from - 1, POSSESSIVES) || p.used(from - 1)) {
            return false;
        }
        String alias = "x" + path.size();
        Optional<String> condition = Optional.empty();
        int verb = -1;
        for (int k = negation + 1; k < from - 1 && condition.isEmpty(); k++) {
            Mention v = p.mentionAt(k);
            if (v == null || p.used(k)) {
                continue;
            }
            condition = notHappened(v, related, alias);
            verb = k;
        }
        if (condition.isEmpty()) {
            return false;
        }
        String subquery = conditions.existsQuery(path, List.of(condition.get()));
        Col key = Col.of(p.intent().table, p.intent().table.column(path.getFirst().key().refColumns().getFirst()).orElseThrow());
        String verbWord = p.token(verb).raw();
        p.intent().filter(key, subquery, null, "with " + related.name() + " not " + verbWord);
        int end = rows.end() + (p.is(rows.end(), "yet") ? 1 : 0);
        p.assume("'" + String.join(" ", p.tokens().subList(negation, rows.end()).stream().map(Token::raw).toList())
                + "' read as " + p.intent().table.name() + " with " + related.name() + " where " + condition.get().substring(alias.length() + 1));
        p.use(negation, end);
        return true;
    }

    /** The verb's event not having happened to a row of {@code related}: its date empty, else its state another one. */
    private static Optional<String> notHappened(Mention verb, TableSchema related, String alias) {
        Optional<Col> date = verb.candidates().stream().filter(t -> t.kind() == Term.Kind.COLUMN && t.table().equals(related)
                && t.column().isDate() && t.column().column().nullable()).map(Term::column).findFirst();
        if (date.isPresent()) {
            return Optional.of(alias + "." + Sql.ident(date.get().column().name()) + " IS NULL");
        }
        return verb.candidates().stream().filter(t -> t.kind() == Term.Kind.VALUE && t.table().equals(related)
                        && t.column().expression() == null)
                .findFirst().map(t -> alias + "." + Sql.ident(t.column().column().name()) + " <> " + Sql.literal(t.value(), t.column()));
    }
}
