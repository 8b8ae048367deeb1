package io.dbchat.executor.role;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What is wrong with the executor's role, in sentences: a superuser; a role that can write, create objects,
 * temporary tables or large objects; a role that can read a column the schema snapshot does not publish (a
 * denied column, or any column of an unpublished table). A role that holds only SELECT on published columns
 * and USAGE on their schemas has no findings.
 */
public final class RoleFindings {

    /** How many names a sentence lists before it says how many more there are. */
    private static final int NAMES = 8;

    private RoleFindings() {
    }

    /** The findings that need no snapshot: what the role may do beyond reading. */
    static List<String> ofPrivileges(RolePrivileges p) {
        List<String> out = new ArrayList<>();
        if (p.superuser()) {
            out.add("the role " + p.role() + " is a superuser: it may read and change anything, whatever the grants");
        }
        if (!p.writableTables().isEmpty()) {
            out.add("the role " + p.role() + " may write (INSERT, UPDATE, DELETE or TRUNCATE) "
                    + names(p.writableTables()));
        }
        if (!p.creatableSchemas().isEmpty()) {
            out.add("the role " + p.role() + " may create objects in the schemas " + names(p.creatableSchemas()));
        }
        if (p.createInDatabase()) {
            out.add("the role " + p.role() + " may create schemas in the database");
        }
        if (p.temporaryTables()) {
            out.add("the role " + p.role() + " may create temporary tables");
        }
        if (p.largeObjects()) {
            out.add("the role " + p.role() + " may create large objects (lo_from_bytea, lo_create, lo_import), "
                    + "which PostgreSQL allows even in a read-only transaction");
        }
        return out;
    }

    /** The finding about columns the role may read but {@code schema} does not publish, if any. */
    static List<String> ofColumns(RolePrivileges p, SchemaSnapshot schema) {
        Set<String> published = schema.tables().stream()
                .flatMap(t -> t.columns().stream().map(c -> key(t, c.name())))
                .collect(Collectors.toSet());
        List<String> denied = p.readableColumns().stream()
                .map(c -> c.schema() + "." + c.table() + "." + c.column())
                .filter(c -> !published.contains(c))
                .toList();
        return denied.isEmpty() ? List.of() : List.of("the role " + p.role()
                + " may read columns that are not published: " + names(denied));
    }

    private static String key(TableSchema table, String column) {
        return table.schema() + "." + table.name() + "." + column;
    }

    private static String names(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(NAMES, names.size())));
        return names.size() > NAMES ? shown + " and " + (names.size() - NAMES) + " more" : shown;
    }
}
