package io.dbchat.translator.offline;

import java.util.Optional;

/**
 * The column several figures are of when the words name the rows rather than a column: "the smallest, biggest and
 * average donation" are figures of the donations' one amount (stated as assumed), and "the booking value" is a figure
 * of the bookings' own amount, never of an amount of another table that "value" happens to name.
 */
final class FiguresOfRows {

    private FiguresOfRows() {
    }

    /**
     * The column measured by the figures ending before {@code end}: {@code found} when it is the main table's or no
     * word names the main table right after the figures, else the main table's one amount (empty when it has none).
     */
    static Optional<Col> amount(IntentParser p, int end, Optional<Col> found) {
        int at = p.skip(end, "the", "our", "all");
        boolean rows = p.termAt(at).map(t -> t.kind() == Term.Kind.TABLE && t.table().equals(p.intent().table)).orElse(false);
        if (!rows || found.isPresent() && found.get().table().equals(p.intent().table)) {
            return found;
        }
        Optional<Col> own = new Measures(p).onlyAmount(p.token(at).raw());
        own.ifPresent(c -> p.use(at, p.mentionAt(at).end()));
        return own;
    }
}
