package io.dbchat.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one datasource exposes, as read from its catalog. {@code version} is a hash of the content
 * (never of {@code readAt}), so an unchanged catalog yields the same version. Keyed by datasource.
 */
public record SchemaSnapshot(
        int v,
        String datasource,
        String version,
        Instant readAt,
        List<TableSchema> tables) {

    public static final int VERSION = 1;

    /** Finds a table by name, ignoring case; a schema-qualified name ("sales.orders") must match both parts. */
    public Optional<TableSchema> table(String name) {
        String wanted = name.toLowerCase(java.util.Locale.ROOT);
        return tables.stream()
                .filter(t -> t.name().toLowerCase(java.util.Locale.ROOT).equals(wanted)
                        || t.qualifiedName().toLowerCase(java.util.Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
