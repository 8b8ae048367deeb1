package io.dbchat.conversations;

import io.dbchat.contracts.events.FinalAnswer;

/**
 * A turn's answer as it was first shown. {@code rowsKept} is false when its rows were larger than the limit and
 * were not kept: the answer then has its columns and row count but no rows, and is re-run on request.
 */
public record StoredAnswer(FinalAnswer answer, boolean rowsKept) {
}
