package io.dbchat.translator.offline;

import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Questions about a table's shape: its label columns, its date and number columns, its foreign-key neighbours. */
final class Schema {

    private static final Set<String> LABELS = Set.of("name", "title", "full_name", "fullname", "username",
            "display_name", "label", "subject", "headline");

    private Schema() {
    }

    /** The columns that name a row for a person: name or title, else first and last names, else the first text. */
    static List<Col> labels(TableSchema table) {
        List<Col> cols = table.columns().stream().map(c -> Col.of(table, c)).toList();
        List<Col> named = cols.stream().filter(c -> LABELS.contains(Abbreviations.spelled(c.column()))).toList();
        if (!named.isEmpty()) {
            return List.of(named.getFirst());
        }
        List<Col> parts = cols.stream().filter(c -> Abbreviations.spelled(c.column()).endsWith("_name")).toList();
        if (!parts.isEmpty()) {
            return parts;
        }
        return cols.stream().filter(c -> c.isText() && !c.isKey() && !Vocabulary.isSensitive(c.column())).findFirst()
                .or(() -> cols.stream().findFirst()).map(List::of).orElse(List.of());
    }

    /** True when a column of {@code table} is a name or title, not merely its first text column. */
    static boolean named(TableSchema table) {
        return table.columns().stream().map(Abbreviations::spelled)
                .anyMatch(n -> LABELS.contains(n) || n.endsWith("_name"));
    }

    static List<Col> visible(TableSchema table) {
        return table.columns().stream().filter(c -> !Vocabulary.isSensitive(c)).map(c -> Col.of(table, c)).toList();
    }

    /** The foreign key joining {@code a} and {@code b} in either direction, as [owner table, key]. */
    static Optional<Join> join(TableSchema a, TableSchema b) {
        Optional<ForeignKey> ab = a.foreignKeys().stream().filter(fk -> refers(fk, b)).findFirst();
        if (ab.isPresent()) {
            return Optional.of(new Join(a, ab.get(), b));
        }
        return b.foreignKeys().stream().filter(fk -> refers(fk, a)).findFirst().map(fk -> new Join(b, fk, a));
    }

    static boolean related(TableSchema a, TableSchema b) {
        return a.equals(b) || join(a, b).isPresent();
    }

    /**
     * The joins leading from {@code from} to {@code to} along foreign keys, directly or through one table between
     * (a link table such as loans between members and books); empty when there is none, [] when they are the same.
     * A table both point at (the department of a professor and of a course) relates them only loosely: it is the path
     * only when no table between holds rows of one or of both (the offerings a professor teaches a course in).
     */
    static Optional<List<Join>> path(List<TableSchema> tables, TableSchema from, TableSchema to) {
        if (from.equals(to)) {
            return Optional.of(List.of());
        }
        Optional<Join> direct = join(from, to);
        if (direct.isPresent()) {
            return Optional.of(List.of(direct.get()));
        }
        List<Join> shared = null;
        for (TableSchema between : tables) {
            if (between.equals(from) || between.equals(to)) {
                continue;
            }
            Optional<Join> first = join(from, between);
            Optional<Join> second = first.isPresent() ? join(between, to) : Optional.empty();
            if (second.isPresent()) {
                if (!first.get().target().equals(between) || !second.get().target().equals(between)) {
                    return Optional.of(List.of(first.get(), second.get()));
                }
                shared = shared == null ? List.of(first.get(), second.get()) : shared;
            }
        }
        return Optional.ofNullable(shared);
    }

    /** The table a join brings in when coming from {@code known}. */
    static TableSchema other(Join j, TableSchema known) {
        return j.owner().equals(known) ? j.target() : j.owner();
    }

    /** True when the join brings in a table whose rows reference the known one: several rows per known row. */
    static boolean fansOut(Join j, TableSchema known) {
        return j.target().equals(known) && !j.owner().equals(known);
    }

    private static boolean refers(ForeignKey fk, TableSchema target) {
        return fk.refTable().equals(target.name()) && (fk.refSchema() == null || fk.refSchema().equals(target.schema()));
    }

    /** {@code owner}'s foreign key {@code key} referencing {@code target}. */
    record Join(TableSchema owner, ForeignKey key, TableSchema target) {
    }
}
