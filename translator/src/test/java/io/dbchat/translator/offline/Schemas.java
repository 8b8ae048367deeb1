package io.dbchat.translator.offline;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.List;

/** A hand-built snapshot of a small consultancy (teams, users, clients, projects, tasks) for fast unit tests. */
final class Schemas {

    static final SchemaSnapshot CONSULTANCY = new SchemaSnapshot(1, "demo", "v-1", Instant.EPOCH, List.of(
            table("teams", null, List.of(col("id", "integer"), col("name", "text", "Mobile", "Platform"),
                    col("location", "text", "Berlin", "Lisbon"), col("founded_on", "date")), List.of()),
            table("users", "Employees of the consultancy", List.of(col("id", "integer"), col("team_id", "integer"),
                    col("first_name", "text"), col("last_name", "text"), col("email", "text"),
                    col("password_hash", "text"), col("hired_on", "date"), nullable("birth_date", "date"),
                    col("salary", "numeric(10,2)")), List.of(fk("team_id", "teams"))),
            table("clients", null, List.of(col("id", "integer"), col("name", "text"),
                    col("country", "text", "Germany", "Japan")), List.of()),
            table("projects", null, List.of(col("id", "integer"), col("client_id", "integer"), col("team_id", "integer"),
                    col("name", "text"), check("status", "Planned", "In Progress", "On Hold", "Completed"),
                    nullable("budget", "numeric(12,2)"), nullable("start_date", "date")),
                    List.of(fk("client_id", "clients"), fk("team_id", "teams"))),
            table("tasks", null, List.of(col("id", "integer"), col("project_id", "integer"),
                    nullable("assignee_id", "integer"), col("title", "text"),
                    new ColumnSchema("priority", "task_priority", false, null, null, List.of("Low", "Medium", "High"), "enum"),
                    col("billable", "boolean"), nullable("estimate_hours", "numeric(6,2)")),
                    List.of(fk("project_id", "projects"), fk("assignee_id", "users")))));

    private Schemas() {
    }

    static TableSchema table(String name, String comment, List<ColumnSchema> columns, List<ForeignKey> fks) {
        return new TableSchema("public", name, "table", comment, 100, columns, List.of("id"), List.of(), fks);
    }

    static ColumnSchema col(String name, String type, String... samples) {
        return new ColumnSchema(name, type, false, null, null, List.of(samples), samples.length == 0 ? null : "sample");
    }

    static ColumnSchema nullable(String name, String type) {
        return new ColumnSchema(name, type, true, null, null, List.of(), null);
    }

    static ColumnSchema check(String name, String... values) {
        return new ColumnSchema(name, "text", false, null, null, List.of(values), "check");
    }

    static ForeignKey fk(String column, String target) {
        return new ForeignKey(column + "_fk", List.of(column), "public", target, List.of("id"));
    }
}
