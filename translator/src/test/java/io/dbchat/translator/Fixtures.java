package io.dbchat.translator;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.List;

/** A small consultancy schema and questions about it. */
public final class Fixtures {

    public static final SchemaSnapshot SCHEMA = new SchemaSnapshot(1, "demo", "v-1", Instant.EPOCH, List.of(
            table("users", List.of(ColumnSchema.of("id", "integer", false), ColumnSchema.of("full_name", "text", false),
                    ColumnSchema.of("email", "text", false)), List.of()),
            table("projects", List.of(ColumnSchema.of("id", "integer", false), ColumnSchema.of("name", "text", false)),
                    List.of()),
            table("time_entries", List.of(ColumnSchema.of("id", "integer", false), ColumnSchema.of("user_id", "integer", false),
                    ColumnSchema.of("hours", "numeric(5,2)", false)),
                    List.of(new ForeignKey("time_entries_user_fk", List.of("user_id"), "public", "users", List.of("id")))),
            table("Order Lines", List.of(ColumnSchema.of("id", "integer", false)), List.of())));

    private Fixtures() {
    }

    public static QuestionAsked ask(String text) {
        return QuestionAsked.of("q-" + Math.abs(text.hashCode()), "c-1", "anonymous", "demo", text, Instant.EPOCH);
    }

    private static TableSchema table(String name, List<ColumnSchema> columns, List<ForeignKey> fks) {
        return new TableSchema("public", name, "table", null, 100, columns, List.of("id"), List.of(), fks);
    }
}
