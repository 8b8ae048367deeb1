package io.dbchat.translator.offline;

import static io.dbchat.translator.offline.Schemas.check;
import static io.dbchat.translator.offline.Schemas.col;
import static io.dbchat.translator.offline.Schemas.fk;
import static io.dbchat.translator.offline.Schemas.nullable;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.List;

/**
 * Two hand-built snapshots for the readings a manager's questions need: keys of several columns, link tables,
 * several due dates. COMPANY follows the embedded demo (a consultancy: invoices reference a project of their own
 * client); MARINA is in no evaluation set (a sailing club: mooring fees reference a boat of their own member).
 */
final class ManagerSchemas {

    static final SchemaSnapshot COMPANY = new SchemaSnapshot(1, "demo", "v-1", Instant.EPOCH, List.of(
            Schemas.table("teams", null, List.of(col("id", "integer"), col("name", "text", "Data", "Mobile"),
                    commented("location", "City of the office where most of the team works"), col("founded_on", "date")), List.of()),
            Schemas.table("users", "Employees of the consultancy", List.of(col("id", "integer"), col("team_id", "integer"),
                    nullable("manager_id", "integer"), col("first_name", "text"), col("last_name", "text"),
                    col("job_title", "text", "Engineer", "Designer"), col("hired_on", "date"), nullable("left_on", "date"),
                    nullable("birth_date", "date"), col("salary", "numeric(10,2)")),
                    List.of(fk("team_id", "teams"), fk("manager_id", "users"))),
            Schemas.table("clients", null, List.of(col("id", "integer"), col("name", "text"),
                    col("country", "text", "Germany", "Canada"), col("since", "date")), List.of()),
            keyed("projects", List.of(col("id", "integer"), col("client_id", "integer"), col("team_id", "integer"),
                    col("name", "text"), check("status", "Planned", "In Progress", "Completed"),
                    nullable("budget", "numeric(12,2)"), nullable("end_date", "date")),
                    List.of(fk("client_id", "clients"), fk("team_id", "teams"))),
            Schemas.table("tasks", null, List.of(col("id", "integer"), col("project_id", "integer"),
                    nullable("assignee_id", "integer"), col("title", "text"),
                    check("status", "Open", "In Progress", "Blocked", "Done"), col("created_on", "date"),
                    nullable("due_on", "date"), nullable("completed_on", "date")),
                    List.of(fk("project_id", "projects"), fk("assignee_id", "users"))),
            Schemas.table("invoices", null, List.of(col("id", "integer"), col("invoice_number", "text"),
                    col("client_id", "integer"), col("project_id", "integer"),
                    enumerated("status", "Draft", "Sent", "Paid", "Overdue"), col("amount", "numeric(12,2)"),
                    col("issued_on", "date"), col("due_on", "date"), nullable("paid_on", "date")),
                    List.of(fk("client_id", "clients"),
                            new ForeignKey("invoices_project_fk", List.of("project_id", "client_id"), "public", "projects",
                                    List.of("id", "client_id")))),
            Schemas.table("skills", null, List.of(col("id", "integer"), col("name", "text"),
                    col("category", "text", "Language", "Cloud")), List.of()),
            linkTable("user_skills", List.of(col("user_id", "integer"), col("skill_id", "integer"), col("level", "smallint"),
                    nullable("certified_on", "date")), List.of(fk("user_id", "users"), fk("skill_id", "skills")))));

    static final SchemaSnapshot MARINA = new SchemaSnapshot(1, "marina", "v-1", Instant.EPOCH, List.of(
            Schemas.table("members", "Members of the sailing club", List.of(col("id", "integer"), col("first_name", "text"),
                    col("last_name", "text"), col("joined_on", "date"), nullable("resigned_on", "date"),
                    commented("home_port", "Harbour the member sails from most of the season")), List.of()),
            keyed("boats", List.of(col("id", "integer"), col("member_id", "integer"), col("name", "text"),
                    col("length_m", "numeric(5,2)")), List.of(fk("member_id", "members"))),
            Schemas.table("mooring_fees", null, List.of(col("id", "integer"), col("boat_id", "integer"),
                    col("member_id", "integer"), enumerated("state", "Open", "Settled", "Overdue"), col("amount", "numeric(8,2)"),
                    col("due_on", "date"), nullable("settled_on", "date")),
                    List.of(new ForeignKey("fees_boat_fk", List.of("boat_id", "member_id"), "public", "boats",
                            List.of("id", "member_id")))),
            Schemas.table("repairs", null, List.of(col("id", "integer"), col("boat_id", "integer"), col("title", "text"),
                    check("stage", "Waiting", "Underway", "Finished"), nullable("due_on", "date"),
                    nullable("finished_on", "date")), List.of(fk("boat_id", "boats"))),
            Schemas.table("licences", null, List.of(col("id", "integer"), col("name", "text"),
                    col("kind", "text", "Sail", "Motor")), List.of()),
            linkTable("member_licences", List.of(col("member_id", "integer"), col("licence_id", "integer"),
                    col("grade", "smallint")), List.of(fk("member_id", "members"), fk("licence_id", "licences")))));

    private ManagerSchemas() {
    }

    /** A table whose key and owner reference are unique together, so another table may reference both. */
    private static TableSchema keyed(String name, List<ColumnSchema> columns, List<ForeignKey> fks) {
        return new TableSchema("public", name, "table", null, 100, columns, List.of("id"),
                List.of(List.of("id", columns.get(1).name())), fks);
    }

    /** A table linking two others, keyed by both references. */
    private static TableSchema linkTable(String name, List<ColumnSchema> columns, List<ForeignKey> fks) {
        return new TableSchema("public", name, "table", null, 100, columns,
                List.of(columns.get(0).name(), columns.get(1).name()), List.of(), fks);
    }

    private static ColumnSchema commented(String name, String comment) {
        return new ColumnSchema(name, "text", false, null, comment, List.of(), null);
    }

    private static ColumnSchema enumerated(String name, String... values) {
        return new ColumnSchema(name, name + "_type", false, null, null, List.of(values), "enum");
    }
}
