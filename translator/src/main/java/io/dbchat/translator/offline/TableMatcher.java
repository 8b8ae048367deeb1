package io.dbchat.translator.offline;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the table a question is about: the table whose name's words appear, in order, in the
 * question's words; the longest such name wins ("time entries" over "entries").
 */
final class TableMatcher {

    private TableMatcher() {
    }

    static Optional<TableSchema> find(List<String> questionWords, SchemaSnapshot schema) {
        return schema.tables().stream()
                .filter(t -> containsRun(questionWords, Words.of(t.name())))
                .max(Comparator.comparingInt((TableSchema t) -> Words.of(t.name()).size())
                        .thenComparing(t -> "public".equals(t.schema())));
    }

    private static boolean containsRun(List<String> haystack, List<String> needle) {
        if (needle.isEmpty()) {
            return false;
        }
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            if (haystack.subList(i, i + needle.size()).equals(needle)) {
                return true;
            }
        }
        return false;
    }
}
