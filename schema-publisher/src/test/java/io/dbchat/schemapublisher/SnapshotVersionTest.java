package io.dbchat.schemapublisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotVersionTest {

    private static TableSchema table(String name, String comment) {
        return new TableSchema("public", name, "table", comment, 0, List.of(ColumnSchema.of("id", "integer", false)),
                List.of("id"), List.of(), List.of());
    }

    @Test
    void isTheSameForTheSameTablesInAnyOrder() {
        String v = SnapshotVersion.of(List.of(table("a", null), table("b", null)));

        assertThat(SnapshotVersion.of(List.of(table("b", null), table("a", null)))).isEqualTo(v);
        assertThat(v).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void changesWithAnyContent() {
        assertThat(SnapshotVersion.of(List.of(table("a", "new comment"))))
                .isNotEqualTo(SnapshotVersion.of(List.of(table("a", null))));
    }
}
