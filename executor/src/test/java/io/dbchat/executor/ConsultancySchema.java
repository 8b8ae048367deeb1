package io.dbchat.executor;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The published snapshot of the consultancy test database (db/consultancy.sql): every table but salaries,
 * every column but users.password_hash.
 */
public final class ConsultancySchema {

    public static final String DATASOURCE = "consultancy";

    private ConsultancySchema() {
    }

    public static SchemaSnapshot snapshot() {
        return new SchemaSnapshot(SchemaSnapshot.VERSION, DATASOURCE, "v-test", Instant.EPOCH, List.of(
                table("teams", "id:int4", "name:text", "created_at:timestamptz"),
                table("users", "id:int4", "team_id:int4", "email:text", "full_name:text", "role:text",
                        "hired_at:date", "hourly_rate:numeric", "active:bool"),
                table("clients", "id:int4", "name:text", "country:text", "industry:text", "created_at:timestamptz"),
                table("projects", "id:int4", "client_id:int4", "team_id:int4", "name:text", "status:text",
                        "budget:numeric", "started_on:date", "ends_on:date"),
                table("tasks", "id:int4", "project_id:int4", "assignee_id:int4", "title:text", "status:text",
                        "estimate_hours:numeric", "created_at:timestamptz", "done_at:timestamptz"),
                table("time_entries", "id:int4", "task_id:int4", "user_id:int4", "spent_on:date", "hours:numeric",
                        "billable:bool", "note:text"),
                table("invoices", "id:int4", "client_id:int4", "project_id:int4", "invoice_no:text", "issued_on:date",
                        "due_on:date", "status:text", "total:numeric", "paid_at:timestamptz"),
                table("invoice_lines", "id:int4", "invoice_id:int4", "description:text", "quantity:numeric",
                        "unit_price:numeric", "amount:numeric"),
                table("skills", "id:int4", "name:text", "category:text"),
                table("user_skills", "user_id:int4", "skill_id:int4", "level:int4")));
    }

    private static TableSchema table(String name, String... columns) {
        List<ColumnSchema> cols = Arrays.stream(columns)
                .map(c -> c.split(":"))
                .map(c -> ColumnSchema.of(c[0], c[1], true))
                .toList();
        return new TableSchema("public", name, "table", null, 0, cols, List.of("id"), List.of(), List.of());
    }
}
