package io.dbchat.contracts.schema;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.List;

/** A small project-tracking schema: teams, projects, tasks, and task_tags with a composite key to tasks. */
public final class SchemaFixtures {

    private SchemaFixtures() {
    }

    public static SchemaSnapshot projects() {
        TableSchema teams = table("teams", List.of(ColumnSchema.of("id", "integer", false), ColumnSchema.of("name", "text", false)),
                List.of());
        TableSchema projects = new TableSchema("public", "projects", "table", "Work that teams do", 120,
                List.of(ColumnSchema.of("id", "integer", false), ColumnSchema.of("team_id", "integer", false),
                        new ColumnSchema("status", "project_status", false, "'Active'::project_status", null,
                                List.of("Active", "On Hold", "It's done"), "enum")),
                List.of("id"), List.of(), List.of(new ForeignKey("projects_team_fk", List.of("team_id"), "public", "teams", List.of("id"))));
        TableSchema tasks = new TableSchema("public", "tasks", "table", null, 0,
                List.of(ColumnSchema.of("project_id", "integer", false), ColumnSchema.of("seq", "integer", false),
                        new ColumnSchema("Title", "text", true, null, "What to do\nin short", List.of(), null)),
                List.of("project_id", "seq"), List.of(List.of("Title")),
                List.of(new ForeignKey("tasks_project_fk", List.of("project_id"), "public", "projects", List.of("id"))));
        TableSchema tags = new TableSchema("work", "task tags", "table", null, 0,
                List.of(ColumnSchema.of("project_id", "integer", false), ColumnSchema.of("seq", "integer", false),
                        ColumnSchema.of("tag", "text", false)),
                List.of(), List.of(),
                List.of(new ForeignKey("tags_task_fk", List.of("project_id", "seq"), "public", "tasks", List.of("project_id", "seq"))));
        TableSchema lonely = table("audit", List.of(ColumnSchema.of("at", "timestamp with time zone", false)), List.of());
        return new SchemaSnapshot(SchemaSnapshot.VERSION, "sales", "v1", Instant.EPOCH,
                List.of(teams, projects, tasks, tags, lonely));
    }

    private static TableSchema table(String name, List<ColumnSchema> columns, List<ForeignKey> fks) {
        return new TableSchema("public", name, "table", null, 0, columns, List.of(), List.of(), fks);
    }
}
