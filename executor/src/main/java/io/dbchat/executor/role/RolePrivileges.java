package io.dbchat.executor.role;

import java.util.List;

/**
 * What the executor's own role may do in one database, as PostgreSQL answers for it: whether it is a superuser,
 * the relations it may write, the schemas it may create objects in, whether it may create objects or temporary
 * tables in the database or large objects at all, and every column it may read (schema, table, column).
 */
record RolePrivileges(String role, boolean superuser, List<String> writableTables, List<String> creatableSchemas,
                      boolean createInDatabase, boolean temporaryTables, boolean largeObjects,
                      List<Column> readableColumns) {

    record Column(String schema, String table, String column) {
    }
}
