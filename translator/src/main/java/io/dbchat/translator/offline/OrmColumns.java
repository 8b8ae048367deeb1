package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;

/**
 * Timestamps an ORM or a migration tool adds to every table ({@code created_at}, {@code updated_at}, {@code deleted_at}):
 * when a row was written, changed or soft-deleted, not when the business event happened. They are read only when the
 * table has no date of its own for what the question asks.
 */
final class OrmColumns {

    /** The share of the tables that must carry a column of the same name for it to be bookkeeping. */
    private static final double SHARE = 0.6;

    private OrmColumns() {
    }

    /** True when {@code col} is a date most of the schema's tables carry under the same name. */
    static boolean shared(Col col, List<TableSchema> tables) {
        if (!col.isDate() || col.expression() != null || tables.size() < 3) {
            return false;
        }
        String name = col.column().name();
        long carrying = tables.stream().filter(t -> t.columns().stream().anyMatch(c -> c.name().equals(name))).count();
        return carrying >= SHARE * tables.size();
    }

    /**
     * The dates that end a row ({@link Restrictions#ENDS}) without a soft-delete marker ({@code deleted_at}) when the
     * table also has an end of its own ({@code returned_on}, {@code ended_at}): the row's end in the business, not in
     * the database.
     */
    static List<Col> businessEnds(List<Col> ends) {
        List<Col> own = ends.stream().filter(c -> !c.words().contains("deleted")).toList();
        return own.isEmpty() ? ends : own;
    }
}
