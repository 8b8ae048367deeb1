package io.dbchat.translator.prompt;

import io.dbchat.contracts.schema.SqlIdentifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A chain of joins from one table to another. Tables are named as a query would name them
 * ({@link SqlIdentifiers#table}); each hop's condition is SQL, e.g. {@code tasks.project_id = projects.id}.
 */
record JoinPath(List<Hop> hops) {

    public JoinPath {
        hops = List.copyOf(hops);
    }

    /** One join: {@code from} to {@code to} on {@code condition} (composite keys joined with AND). */
    public record Hop(String from, String to, String condition) {
    }

    /** The tables along the path, first to last; a path from a table to itself has no hops and no tables. */
    public List<String> tables() {
        List<String> out = new ArrayList<>();
        if (!hops.isEmpty()) {
            out.add(hops.getFirst().from());
            hops.forEach(h -> out.add(h.to()));
        }
        return out;
    }

    /** The path as a FROM clause fragment: {@code a JOIN b ON ... JOIN c ON ...}. */
    public String toSql() {
        if (hops.isEmpty()) {
            return "";
        }
        return hops.getFirst().from() + hops.stream()
                .map(h -> " JOIN " + h.to() + " ON " + h.condition())
                .collect(Collectors.joining());
    }
}
