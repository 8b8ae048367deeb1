package io.dbchat.contracts.events;

import java.util.List;

/** A foreign key: {@code columns} of the owning table reference {@code refColumns} of the target, pairwise. */
public record ForeignKey(
        String name,
        List<String> columns,
        String refSchema,
        String refTable,
        List<String> refColumns) {
}
