package io.dbchat.executor.execution;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.serde.Json;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Keeps rows until the row cap or the byte cap (measured as the rows' JSON) would be passed; the first row
 * that does not fit marks the result truncated and ends reading. A row whose size on the wire alone passes the
 * byte cap is not even decoded.
 */
final class RowCollector {

    /** Stands for a row too large to decode: reading it ends the result, truncated. */
    private static final List<Object> OVERSIZED = Collections.unmodifiableList(new ArrayList<>());

    private final ExecutionLimits limits;
    private final long startNanos = System.nanoTime();
    /** Types whose Java mapping loses part of the value (an inet's netmask): read as PostgreSQL writes them. */
    private static final Set<String> TEXT_FORM = Set.of("inet");

    private final List<List<Object>> rows = new ArrayList<>();
    private List<ColumnMeta> columns = List.of();
    private long bytes;
    private boolean truncated;

    RowCollector(ExecutionLimits limits) {
        this.limits = limits;
    }

    List<Object> read(Row row, RowMetadata metadata) {
        if (columns.isEmpty()) {
            columns = metadata.getColumnMetadatas().stream().map(RowCollector::column).toList();
        }
        if (bytes + wireSize(row) > limits.maxBytes()) {
            return OVERSIZED;
        }
        List<Object> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            values.add(JsonValues.map(TEXT_FORM.contains(columns.get(i).type()) ? row.get(i, String.class) : value(row, i)));
        }
        return values;
    }

    /** Keeps the row if it fits; false ends the read. */
    boolean accept(List<Object> row) {
        if (row == OVERSIZED) {
            truncated = true;
            return false;
        }
        long size = Json.MAPPER.writeValueAsBytes(row).length + 1L;
        if (rows.size() >= limits.maxRows() || bytes + size > limits.maxBytes()) {
            truncated = true;
            return false;
        }
        rows.add(row);
        bytes += size;
        return true;
    }

    ExecutionOutcome.Rows result() {
        return new ExecutionOutcome.Rows(columns, List.copyOf(rows), truncated,
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    /**
     * The row's size on the wire, read before any value is decoded: the driver would otherwise build a String of
     * a 200 MB value before the byte cap could see it. Close to its JSON size (text values), or below it.
     */
    private long wireSize(Row row) {
        long size = 0;
        for (int i = 0; i < columns.size(); i++) {
            ValueSizeCodec.ValueSize value = row.get(i, ValueSizeCodec.ValueSize.class);
            size += value == null ? 4 : value.bytes();
        }
        return size;
    }

    /** Types without a default Java mapping (enums, money, inet...) arrive as their text form. */
    private static Object value(Row row, int i) {
        try {
            return row.get(i);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return row.get(i, String.class);
        }
    }

    private static ColumnMeta column(ColumnMetadata meta) {
        return new ColumnMeta(meta.getName(), PgTypeNames.of(meta.getType().getName()));
    }
}
