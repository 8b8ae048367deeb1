package io.dbchat.translator;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.List;

/** A small consultancy schema and questions about it; {@link #PROJECTS} adds enum values and join paths. */
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

    /** Teams run projects whose status is an enum spelt "Active", "On Hold", "It's done"; budgets have a CHECK list. */
    public static final SchemaSnapshot PROJECTS = new SchemaSnapshot(1, "demo", "v-2", Instant.EPOCH, List.of(
            table("teams", List.of(ColumnSchema.of("id", "integer", false), ColumnSchema.of("name", "text", false)), List.of()),
            new TableSchema("public", "projects", "table", "Work that teams do", 120, List.of(
                    ColumnSchema.of("id", "integer", false), ColumnSchema.of("team_id", "integer", false),
                    ColumnSchema.of("name", "text", false), ColumnSchema.of("budget", "numeric(12,2)", true),
                    new ColumnSchema("status", "project_status", false, null, null,
                            List.of("Active", "On Hold", "It's done"), "enum"),
                    new ColumnSchema("priority", "text", false, null, null, List.of("P1 - urgent", "p2"), "check")),
                    List.of("id"), List.of(),
                    List.of(new ForeignKey("projects_team_fk", List.of("team_id"), "public", "teams", List.of("id"))))));

    private Fixtures() {
    }

    public static QuestionAsked ask(String text) {
        return QuestionAsked.of("q-" + Math.abs(text.hashCode()), "c-1", "anonymous", "demo", text, Instant.EPOCH);
    }

    public static QuestionAsked ask(String queryId, String conversationId, String text) {
        return QuestionAsked.of(queryId, conversationId, "anonymous", "demo", text, Instant.EPOCH);
    }

    private static TableSchema table(String name, List<ColumnSchema> columns, List<ForeignKey> fks) {
        return new TableSchema("public", name, "table", null, 100, columns, List.of("id"), List.of(), fks);
    }
}
