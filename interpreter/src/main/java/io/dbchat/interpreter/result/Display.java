package io.dbchat.interpreter.result;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.DisplayText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The display text of a result's rows, written by {@link Values} exactly as the words write each value, so a client
 * shows the table as the answer says it without formatting rules of its own. A cell that reads as the value itself
 * (text as it is, NULL, a JSON object) is null, a row with only such cells is null, and rows that are all such have no
 * cells at all, which keeps the payload small.
 */
public final class Display {

    private Display() {
    }

    /** Null when there are no columns: nothing to show. */
    public static DisplayText of(List<ColumnMeta> columns, List<List<Object>> rows) {
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        List<ColumnKind> kinds = columns.stream().map(ColumnKind::of).toList();
        List<List<String>> cells = new ArrayList<>(rows == null ? 0 : rows.size());
        for (List<Object> row : rows == null ? List.<List<Object>>of() : rows) {
            cells.add(row(columns, row));
        }
        // rows of text alone say nothing beyond their values: no cells at all then, rather than a null per row
        boolean any = cells.stream().anyMatch(row -> row != null);
        return new DisplayText(kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList(),
                any ? cells : List.of());
    }

    private static List<String> row(List<ColumnMeta> columns, List<Object> row) {
        List<String> texts = new ArrayList<>(columns.size());
        boolean any = false;
        for (int i = 0; i < columns.size(); i++) {
            String text = i < row.size() ? cell(columns.get(i), row.get(i)) : null;
            any |= text != null;
            texts.add(text);
        }
        return any ? texts : null;
    }

    /**
     * The value as the words write it, or null when that is the text value itself. A number always has its text: a
     * client's own reading of a JSON number ("2.50" is 2.5 in JavaScript) is not what the words say.
     */
    static String cell(ColumnKind kind, Object value) {
        return shown(value, Values.format(kind, value));
    }

    /** As {@link #cell(ColumnKind, Object)}, with a period bucket's label ("January 2025") as the words give it. */
    static String cell(ColumnMeta column, Object value) {
        return shown(value, Values.format(column, value));
    }

    private static String shown(Object value, String text) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            return null; // NULL, and JSON objects and arrays, which a client shows as they are
        }
        return value instanceof String s && text.equals(s) ? null : text;
    }
}
