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

    /** Tuning schema: a delivery fleet (depots, drivers, vehicles, trips); not one of the held-out schemas. */
    static final SchemaSnapshot FLEET = new SchemaSnapshot(1, "fleet", "v-1", Instant.EPOCH, List.of(
            table("depots", null, List.of(col("id", "integer"), col("name", "text", "North", "Harbour", "Airport"),
                    col("region", "text", "Coast", "Inland")), List.of()),
            table("drivers", "People who drive the vehicles", List.of(col("id", "integer"), col("depot_id", "integer"),
                    col("name", "text"), col("licence", "text"), nullable("phone", "text"),
                    col("hired_on", "date"), col("birth_date", "date"), col("rating", "numeric(3,1)")),
                    List.of(fk("depot_id", "depots"))),
            table("vehicles", null, List.of(col("id", "integer"), col("depot_id", "integer"), col("plate", "text"),
                    check("kind", "van", "truck", "bike"), col("capacity_kg", "integer"), col("built_year", "integer"),
                    col("electric", "boolean")), List.of(fk("depot_id", "depots"))),
            table("trips", "A delivery run", List.of(col("id", "integer"), col("driver_id", "integer"),
                    col("vehicle_id", "integer"), col("started_at", "timestamp"), nullable("ended_at", "timestamp"),
                    col("distance_km", "numeric(8,1)"), col("planned_minutes", "integer"), col("actual_minutes", "integer"),
                    col("deadline", "timestamp"), nullable("loaded_at", "timestamp"), nullable("arrived_at", "timestamp"),
                    check("status", "planned", "underway", "loaded", "arrived", "aborted")),
                    List.of(fk("driver_id", "drivers"), fk("vehicle_id", "vehicles")))));

    /** Tuning schema: a hotel chain (hotels, rooms, guests, bookings); not one of the held-out schemas. */
    static final SchemaSnapshot HOTEL = new SchemaSnapshot(1, "hotel", "v-1", Instant.EPOCH, List.of(
            table("hotels", null, List.of(col("id", "integer"), col("name", "text", "Seaview", "Old Town"),
                    col("city", "text", "Porto", "Bergen"), col("stars", "integer")), List.of()),
            table("rooms", null, List.of(col("id", "integer"), col("hotel_id", "integer"), col("number", "text"),
                    check("category", "single", "double", "suite"), col("nightly_rate", "numeric(8,2)"),
                    col("beds", "integer")), List.of(fk("hotel_id", "hotels"))),
            table("guests", null, List.of(col("id", "integer"), col("full_name", "text"), nullable("email", "text"),
                    col("nationality", "text", "Norway", "Portugal", "Chile"), col("registered_on", "date")), List.of()),
            table("bookings", null, List.of(col("id", "integer"), col("guest_id", "integer"), col("room_id", "integer"),
                    col("check_in", "date"), col("check_out", "date"), col("paid", "numeric(10,2)"),
                    col("payment_due", "date"), nullable("paid_on", "date"), nullable("cancelled_at", "timestamp")),
                    List.of(fk("guest_id", "guests"), fk("room_id", "rooms")))));

    /** Tuning schema: a lending library (branches, members, books, loans); not one of the held-out schemas. */
    static final SchemaSnapshot LIBRARY = new SchemaSnapshot(1, "library", "v-1", Instant.EPOCH, List.of(
            table("branches", null, List.of(col("id", "integer"), col("name", "text", "Central", "Riverside"),
                    col("city", "text", "Leeds", "York")), List.of()),
            table("members", null, List.of(col("id", "integer"), nullable("branch_id", "integer"), col("full_name", "text"),
                    col("subscribed_on", "date"), nullable("cancelled_on", "date"), col("birth_date", "date")),
                    List.of(fk("branch_id", "branches"))),
            table("books", null, List.of(col("id", "integer"), col("title", "text", "Dune", "Emma"),
                    check("format", "paperback", "hardcover", "audio"), col("pages", "integer"), col("published_year", "integer")),
                    List.of()),
            table("loans", null, List.of(col("id", "integer"), col("member_id", "integer"), col("book_id", "integer"),
                    col("borrowed_on", "date"), col("due_on", "date"), nullable("returned_on", "date"), col("fee", "numeric(6,2)"),
                    nullable("fine_amount", "numeric(6,2)")),
                    List.of(fk("member_id", "members"), fk("book_id", "books")))));

    private Schemas() {
    }

    /** The tuning snapshot of that name: FLEET, LIBRARY, CONSULTANCY or HOTEL. */
    static SchemaSnapshot byName(String name) {
        return switch (name) {
            case "FLEET" -> FLEET;
            case "LIBRARY" -> LIBRARY;
            case "CONSULTANCY" -> CONSULTANCY;
            case "HOTEL" -> HOTEL;
            default -> throw new IllegalArgumentException("no tuning schema " + name);
        };
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

    /** {@code c} with the catalog comment {@code comment}. */
    static ColumnSchema commented(ColumnSchema c, String comment) {
        return new ColumnSchema(c.name(), c.type(), c.nullable(), c.defaultValue(), comment, c.values(), c.valuesSource());
    }

    static ColumnSchema check(String name, String... values) {
        return new ColumnSchema(name, "text", false, null, null, List.of(values), "check");
    }

    static ForeignKey fk(String column, String target) {
        return new ForeignKey(column + "_fk", List.of(column), "public", target, List.of("id"));
    }
}
