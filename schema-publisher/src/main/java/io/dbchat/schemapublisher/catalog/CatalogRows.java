package io.dbchat.schemapublisher.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw catalog of a database in four set-based pg_catalog queries (relations, columns, enum labels,
 * constraints), whatever the number of tables. System schemas and partitions are left out.
 */
record CatalogRows(List<Relation> relations, List<Column> columns, Map<Long, List<String>> enumLabels,
                   List<Constraint> constraints) {

    record Relation(long oid, String schema, String name, String kind, String comment, long reltuples, boolean readable) {
    }

    record Column(long relid, int attnum, String name, String type, boolean nullable, String defaultValue,
                  String comment, long typeOid, boolean readable) {
    }

    record Constraint(long relid, String name, String type, List<Integer> keys, long refRelid, List<Integer> refKeys,
                      String definition) {
    }

    private static final String USER_RELATIONS = """
            c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'""";

    private static final String RELATIONS = """
            SELECT c.oid, n.nspname, c.relname, c.relkind, d.description, c.reltuples::bigint,
                   has_schema_privilege(n.oid, 'USAGE') AND has_any_column_privilege(c.oid, 'SELECT')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            WHERE\s""" + USER_RELATIONS;

    private static final String COLUMNS = """
            SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                   pg_get_expr(ad.adbin, ad.adrelid), d.description, a.atttypid,
                   has_column_privilege(a.attrelid, a.attnum, 'SELECT')
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass
                                      AND d.objsubid = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND\s""" + USER_RELATIONS + """

            ORDER BY a.attrelid, a.attnum""";

    private static final String ENUM_LABELS = "SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder";

    // conparentid = 0 leaves out the copies PostgreSQL makes of a key for each partition it touches.
    private static final String CONSTRAINTS = """
            SELECT con.conrelid, con.conname, con.contype, con.conkey::int[], con.confrelid, con.confkey::int[],
                   CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid) END
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype IN ('p', 'u', 'f', 'c') AND con.conparentid = 0 AND\s""" + USER_RELATIONS + """

            ORDER BY con.conrelid, con.conname""";

    static CatalogRows read(Connection db) throws SQLException {
        return new CatalogRows(query(db, RELATIONS, CatalogRows::relation), query(db, COLUMNS, CatalogRows::column),
                enumLabels(db), query(db, CONSTRAINTS, CatalogRows::constraint));
    }

    private static Relation relation(ResultSet rs) throws SQLException {
        return new Relation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getBoolean(7));
    }

    private static Column column(ResultSet rs) throws SQLException {
        return new Column(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getBoolean(9));
    }

    private static Constraint constraint(ResultSet rs) throws SQLException {
        return new Constraint(rs.getLong(1), rs.getString(2), rs.getString(3), ints(rs, 4), rs.getLong(5),
                ints(rs, 6), rs.getString(7));
    }

    private static Map<Long, List<String>> enumLabels(Connection db) throws SQLException {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (String[] row : query(db, ENUM_LABELS, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            out.computeIfAbsent(Long.parseLong(row[0]), k -> new ArrayList<>()).add(row[1]);
        }
        return out;
    }

    private static List<Integer> ints(ResultSet rs, int index) throws SQLException {
        java.sql.Array array = rs.getArray(index);
        return array == null ? List.of() : List.of((Integer[]) array.getArray());
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(Connection db, String sql, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
        }
        return out;
    }
}
