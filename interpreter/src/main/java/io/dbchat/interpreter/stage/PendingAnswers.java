package io.dbchat.interpreter.stage;

import io.dbchat.contracts.events.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of one conversation waiting for their answer, oldest first; the head is the one being written.
 * Kept in a changelogged store, so an answer in progress when a task stopped is written again where it restarts.
 */
record PendingAnswers(List<QueryResult> results) {

    static final PendingAnswers EMPTY = new PendingAnswers(List.of());

    PendingAnswers append(QueryResult result) {
        List<QueryResult> next = new ArrayList<>(results);
        next.add(result);
        return new PendingAnswers(List.copyOf(next));
    }

    PendingAnswers dropHead() {
        return new PendingAnswers(List.copyOf(results.subList(1, results.size())));
    }

    QueryResult head() {
        return results.isEmpty() ? null : results.getFirst();
    }

    boolean holds(String queryId) {
        return results.stream().anyMatch(r -> r.queryId().equals(queryId));
    }

    boolean isEmpty() {
        return results.isEmpty();
    }
}
