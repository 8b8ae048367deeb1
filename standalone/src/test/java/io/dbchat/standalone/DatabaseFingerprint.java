package io.dbchat.standalone;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a database holds, as checksums a test compares before and after: every user table's rows (an
 * order-independent md5 over each row's text form, with the row count), and the catalog state an attack
 * could change without touching a table: relations and their privileges, roles, functions, sequences'
 * positions, large objects, per-database and per-role settings, triggers, policies, extensions.
 * Read as the database owner, so nothing is hidden from it.
 */
record DatabaseFingerprint(Map<String, String> parts) {

    private static final String TABLES = """
            SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            ORDER BY 1""";

    private static final Map<String, String> CATALOG = catalogQueries();

    static DatabaseFingerprint of(Connection c) throws SQLException {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String table : list(c, TABLES)) {
            parts.put("table " + table, one(c, "SELECT count(*) || ':' || coalesce(md5(string_agg(h, '' ORDER BY h)), '') "
                    + "FROM (SELECT md5(t::text) AS h FROM " + table + " t) rows"));
        }
        for (var e : CATALOG.entrySet()) {
            parts.put(e.getKey(), one(c, "SELECT count(*) || ':' || coalesce(md5(string_agg(x, E'\\n' ORDER BY x)), '') "
                    + "FROM (" + e.getValue() + ") s(x)"));
        }
        return new DatabaseFingerprint(parts);
    }

    /** The names of the parts that differ from {@code other}'s, with both values. */
    List<String> differences(DatabaseFingerprint other) {
        List<String> out = new ArrayList<>();
        for (String key : parts.keySet()) {
            if (!parts.get(key).equals(other.parts.get(key))) {
                out.add(key + ": " + parts.get(key) + " -> " + other.parts.get(key));
            }
        }
        other.parts.keySet().stream().filter(k -> !parts.containsKey(k)).forEach(k -> out.add("new " + k));
        return out;
    }

    private static Map<String, String> catalogQueries() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("relations", "SELECT format('%s.%s %s %s %s', relnamespace::regnamespace, relname, relkind, relowner::regrole, "
                + "relacl) FROM pg_class WHERE relnamespace::regnamespace::text NOT LIKE 'pg_t%'");
        q.put("columns", "SELECT format('%s.%s %s %s %s', attrelid::regclass, attname, atttypid::regtype, attnotnull, attacl) "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "WHERE c.relnamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema') AND attnum > 0");
        q.put("roles", "SELECT format('%s %s %s %s %s %s %s', rolname, rolsuper, rolcreaterole, rolcreatedb, rolcanlogin, "
                + "rolbypassrls, rolvaliduntil) FROM pg_roles");
        q.put("role memberships", "SELECT format('%s %s', roleid::regrole, member::regrole) FROM pg_auth_members");
        q.put("functions", "SELECT format('%s.%s(%s) %s %s', pronamespace::regnamespace, proname, "
                + "pg_get_function_identity_arguments(oid), proowner::regrole, proacl) FROM pg_proc");
        q.put("sequences", "SELECT format('%s.%s %s', schemaname, sequencename, last_value) FROM pg_sequences");
        q.put("large objects", "SELECT oid::text FROM pg_largeobject_metadata");
        q.put("settings", "SELECT format('%s %s %s', setdatabase, setrole, setconfig) FROM pg_db_role_setting");
        q.put("database", "SELECT format('%s %s %s %s', datname, datallowconn, datconnlimit, datacl) FROM pg_database");
        q.put("namespaces", "SELECT format('%s %s %s', nspname, nspowner::regrole, nspacl) FROM pg_namespace");
        q.put("triggers", "SELECT format('%s %s', tgrelid::regclass, tgname) FROM pg_trigger");
        q.put("event triggers", "SELECT evtname::text FROM pg_event_trigger");
        q.put("policies", "SELECT format('%s %s', polrelid::regclass, polname) FROM pg_policy");
        q.put("rules", "SELECT format('%s %s', ev_class::regclass, rulename) FROM pg_rewrite");
        q.put("extensions", "SELECT format('%s %s', extname, extversion) FROM pg_extension");
        q.put("publications", "SELECT pubname::text FROM pg_publication");
        q.put("prepared transactions", "SELECT gid FROM pg_prepared_xacts");
        return q;
    }

    private static List<String> list(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String one(Connection c, String sql) throws SQLException {
        return list(c, sql).getFirst();
    }
}
