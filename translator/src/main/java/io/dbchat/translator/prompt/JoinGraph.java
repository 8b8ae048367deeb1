package io.dbchat.translator.prompt;

import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SqlIdentifiers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tables of a snapshot joined by their foreign keys, walkable both ways. {@link #path} is a shortest
 * path by breadth-first search (ties go to the first table and key in snapshot order). Immutable.
 */
final class JoinGraph {

    private final SchemaSnapshot snapshot;
    private final Map<String, List<JoinPath.Hop>> edges;

    private JoinGraph(SchemaSnapshot snapshot, Map<String, List<JoinPath.Hop>> edges) {
        this.snapshot = snapshot;
        this.edges = edges;
    }

    public static JoinGraph of(SchemaSnapshot snapshot) {
        Map<String, List<JoinPath.Hop>> edges = new LinkedHashMap<>();
        snapshot.tables().forEach(t -> edges.put(ref(t), new ArrayList<>()));
        for (TableSchema t : snapshot.tables()) {
            for (ForeignKey fk : t.foreignKeys() == null ? List.<ForeignKey>of() : t.foreignKeys()) {
                String target = SqlIdentifiers.table(fk.refSchema(), fk.refTable());
                // A self-reference joins a table to itself: a hint for hierarchies, never a step on a path.
                if (edges.containsKey(target) && !target.equals(ref(t))) {
                    edges.get(ref(t)).add(new JoinPath.Hop(ref(t), target, condition(ref(t), fk.columns(), target, fk.refColumns())));
                    edges.get(target).add(new JoinPath.Hop(target, ref(t), condition(target, fk.refColumns(), ref(t), fk.columns())));
                }
            }
        }
        return new JoinGraph(snapshot, edges);
    }

    /** A shortest join path of at most {@code maxDepth} hops; empty when a table is unknown or too far. */
    public Optional<JoinPath> path(String fromTable, String toTable, int maxDepth) {
        Optional<String> from = resolve(fromTable);
        Optional<String> to = resolve(toTable);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JoinPath.Hop> cameBy = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>(Map.of(from.get(), 0));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(from.get()));
        while (!queue.isEmpty() && !depth.containsKey(to.get())) {
            String at = queue.poll();
            if (depth.get(at) == maxDepth) {
                continue;
            }
            for (JoinPath.Hop hop : edges.get(at)) {
                if (depth.putIfAbsent(hop.to(), depth.get(at) + 1) == null) {
                    cameBy.put(hop.to(), hop);
                    queue.add(hop.to());
                }
            }
        }
        return depth.containsKey(to.get()) ? Optional.of(backtrack(cameBy, from.get(), to.get())) : Optional.empty();
    }

    /** The tables one foreign key away, either direction, as a query names them, sorted. */
    public Set<String> neighbours(String table) {
        return resolve(table)
                .map(t -> edges.get(t).stream().map(JoinPath.Hop::to).collect(Collectors.toCollection(TreeSet::new)))
                .map(s -> (Set<String>) s)
                .orElse(Set.of());
    }

    private Optional<String> resolve(String table) {
        return snapshot.table(table).map(JoinGraph::ref)
                .or(() -> edges.containsKey(table) ? Optional.of(table) : Optional.empty());
    }

    private static JoinPath backtrack(Map<String, JoinPath.Hop> cameBy, String from, String to) {
        List<JoinPath.Hop> hops = new ArrayList<>();
        for (String at = to; !at.equals(from); at = hops.getFirst().from()) {
            hops.addFirst(cameBy.get(at));
        }
        return new JoinPath(hops);
    }

    private static String condition(String left, List<String> leftColumns, String right, List<String> rightColumns) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < leftColumns.size(); i++) {
            parts.add(left + "." + SqlIdentifiers.quote(leftColumns.get(i)) + " = "
                    + right + "." + SqlIdentifiers.quote(rightColumns.get(i)));
        }
        return String.join(" AND ", parts);
    }

    private static String ref(TableSchema t) {
        return SqlIdentifiers.table(t.schema(), t.name());
    }
}
