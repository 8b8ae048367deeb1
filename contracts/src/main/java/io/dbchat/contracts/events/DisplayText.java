package io.dbchat.contracts.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How an answer's rows read, as the interpreter's words write them, so that no client formats values by rules of its
 * own: each column's kind ({@code number}, {@code money}, {@code year}, {@code date}, {@code timestamp},
 * {@code boolean}, {@code text}) and each row's cells as text, in the rows' order. A cell is null where it reads as
 * the value itself (text as it is, and NULL), a row is null where all its cells are, and {@code cells} is empty when
 * every row is, so the rows' text is not sent twice.
 */
public record DisplayText(List<String> kinds, List<List<String>> cells) {

    public DisplayText {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        // List.copyOf refuses nulls, and a cell (or a whole row) that reads as its value is null
        cells = cells == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(cells.stream()
                .map(row -> row == null ? null : Collections.unmodifiableList(new ArrayList<>(row)))
                .toList()));
    }

    /** The same kinds without the cells: for an answer kept without its rows. */
    public DisplayText withoutCells() {
        return new DisplayText(kinds, List.of());
    }
}
