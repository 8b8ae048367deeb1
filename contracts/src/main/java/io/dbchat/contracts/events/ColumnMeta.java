package io.dbchat.contracts.events;

/** A result column: its label and its database type name (for example "int8", "numeric", "text"). */
public record ColumnMeta(String name, String type) {
}
