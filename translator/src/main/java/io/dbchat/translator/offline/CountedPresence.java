package io.dbchat.translator.offline;

import java.util.Optional;

/**
 * "bookings that came with children", "orders without extras", "rooms with no balcony seats": a whole number of the
 * main table that counts things, after "with" or "have", is a condition that there are some (above 0) or, denied, none
 * (0), not a column to show. Stated as read, since "with" may also only name what to show.
 */
final class CountedPresence {

    private final IntentParser p;

    CountedPresence(IntentParser parser) {
        this.p = parser;
    }

    void apply() {
        for (int i = 0; i < p.tokens().size(); i++) {
            if (p.used(i) || !p.is(i, "with", "without", "has", "have", "had")) {
                continue;
            }
            int at = p.skip(i + 1, "a", "an", "any", "some", "no");
            boolean none = p.is(i, "without");
            for (int k = i + 1; k < at; k++) {
                none |= p.is(k, "no");
            }
            Mention m = p.mentionAt(at);
            Optional<Col> counted = m == null || m.start() != at || p.used(at) || followedByAmount(m.end()) ? Optional.empty()
                    : p.columnsAt(at).stream().filter(this::counts).findFirst();
            // "rooms with beds" may only name what to show; "bookings that came with children" is a condition
            boolean condition = none || !p.is(i, "with") || i > 0 && p.mentionAt(i - 1) == null
                    && !p.is(i - 1, "and", "list", "show", "display", "give");
            if (counted.isEmpty() || !condition) {
                continue;
            }
            p.intent().filter(counted.get(), none ? "%1$s = 0" : "%1$s > 0");
            p.use(i, m.end());
            p.assume("'" + String.join(" ", p.tokens().subList(i, m.end()).stream().map(Token::raw).toList()) + "' read as "
                    + counted.get().name() + (none ? " = 0" : " > 0"));
        }
    }

    /** A whole number of the main table that is not a key, a year or a derived value. */
    private boolean counts(Col c) {
        String type = c.column().type().toLowerCase(java.util.Locale.ROOT);
        return c.table().equals(p.intent().table) && c.expression() == null && !c.isKey() && !c.isYear()
                && (type.equals("integer") || type.equals("smallint") || type.equals("bigint") || type.startsWith("int"));
    }

    /** "with children over 2", "with 3 children": a comparison follows, read elsewhere. */
    private boolean followedByAmount(int i) {
        Token t = p.token(i);
        return t != null && (t.isNumber() || t.is("than") || Cues.GREATER.contains(t.lower()) || Cues.LESS.contains(t.lower()));
    }
}
