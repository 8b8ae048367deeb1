package io.dbchat.contracts.events;

import java.util.List;

/**
 * A published column. {@code values} holds the exact spelling of its allowed or observed values, and
 * {@code valuesSource} says where they came from: "enum", "check" or "sample" (null when there are none).
 */
public record ColumnSchema(
        String name,
        String type,
        boolean nullable,
        String defaultValue,
        String comment,
        List<String> values,
        String valuesSource) {

    public static ColumnSchema of(String name, String type, boolean nullable) {
        return new ColumnSchema(name, type, nullable, null, null, List.of(), null);
    }
}
