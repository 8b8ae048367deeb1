package io.dbchat.translator.offline;

import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * The column that holds the name a question types for a row of a table ("the skill Kubernetes", "project Apollo"):
 * the table's own label when it is text; for a table that only links others (a user's skill: two keys and a level),
 * the text label of the one table it links to besides the rows asked about, as the name is that row's ("the skill
 * Kubernetes" is skills.name reached through user_skills). Empty when no column can hold a name: a number key never
 * takes a typed word.
 */
final class NamedRows {

    private NamedRows() {
    }

    static Optional<Col> label(TableSchema owner, TableSchema main, List<TableSchema> tables) {
        Col own = Schema.labels(owner).getFirst();
        if (own.isText() && !own.isKey()) {
            return Optional.of(own);
        }
        List<TableSchema> linked = owner.foreignKeys().stream()
                .flatMap(fk -> tables.stream().filter(t -> t.name().equals(fk.refTable())
                        && (fk.refSchema() == null || fk.refSchema().equals(t.schema()))))
                .filter(t -> !t.equals(main) && !t.equals(owner)).distinct()
                .filter(t -> Schema.labels(t).stream().anyMatch(c -> c.isText() && !c.isKey()))
                .toList();
        return linked.size() == 1 ? Optional.of(Schema.labels(linked.getFirst()).getFirst()) : Optional.empty();
    }
}
