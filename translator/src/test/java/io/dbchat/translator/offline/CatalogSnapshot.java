package io.dbchat.translator.offline;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A test-only catalog reader giving the snapshot the schema publisher would publish for the public schema:
 * comments, enum and one-column CHECK values, samples of text columns with at most 30 distinct values, keys.
 */
final class CatalogSnapshot {

    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern LIST_CHECK = Pattern.compile("^CHECK \\(\\(*\\w+ = (ANY \\(+ARRAY\\[.*\\]|'.*')");

    private CatalogSnapshot() {
    }

    static SchemaSnapshot read(DataSource db, String datasource) {
        try (Connection c = db.getConnection()) {
            List<TableSchema> tables = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT c.oid, c.relname, obj_description(c.oid, 'pg_class'), greatest(c.reltuples, 0)::bigint
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm') ORDER BY c.relname""")) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    String name = rs.getString(2);
                    tables.add(new TableSchema("public", name, "table", rs.getString(3), rs.getLong(4),
                            columns(c, oid, name), primaryKey(c, oid), List.of(), foreignKeys(c, oid)));
                }
            }
            return new SchemaSnapshot(1, datasource, "v-" + tables.hashCode(), Instant.EPOCH, tables);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ColumnSchema> columns(Connection c, long table, String tableName) throws SQLException {
        List<ColumnSchema> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                       col_description(a.attrelid, a.attnum), t.typtype = 'e', a.atttypid, a.attnum
                FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""")) {
            ps.setLong(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2);
                    List<String> values = List.of();
                    String source = null;
                    if (rs.getBoolean(6)) {
                        values = enumValues(c, rs.getLong(7));
                        source = "enum";
                    } else {
                        values = checkValues(c, table, rs.getInt(8));
                        source = values.isEmpty() ? null : "check";
                    }
                    if (values.isEmpty() && (type.equals("text") || type.startsWith("character"))) {
                        values = samples(c, tableName, name);
                        source = values.isEmpty() ? null : "sample";
                    }
                    out.add(new ColumnSchema(name, type, rs.getBoolean(3), rs.getString(4), rs.getString(5), values, source));
                }
            }
        }
        return out;
    }

    private static List<String> enumValues(Connection c, long type) throws SQLException {
        return strings(c, "SELECT enumlabel FROM pg_enum WHERE enumtypid = ? ORDER BY enumsortorder", type);
    }

    private static List<String> checkValues(Connection c, long table, int attnum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE conrelid = ? AND contype = 'c' AND conkey = ARRAY[?]::smallint[]")) {
            ps.setLong(1, table);
            ps.setInt(2, attnum);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String def = rs.getString(1);
                    if (LIST_CHECK.matcher(def).find() && !def.matches("(?s).*\\b(AND|OR|NOT)\\b.*")) {
                        List<String> values = new ArrayList<>();
                        Matcher m = LITERAL.matcher(def);
                        while (m.find()) {
                            values.add(m.group(1).replace("''", "'"));
                        }
                        return values;
                    }
                }
            }
        }
        return List.of();
    }

    private static List<String> samples(Connection c, String table, String column) throws SQLException {
        String col = '"' + column + '"';
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ARRAY(SELECT DISTINCT " + col
                + "::text FROM \"" + table + "\" WHERE " + col + " IS NOT NULL LIMIT 31)")) {
            rs.next();
            String[] values = (String[]) rs.getArray(1).getArray();
            Arrays.sort(values);
            return values.length <= 30 && Arrays.stream(values).allMatch(v -> v.length() <= 100) ? List.of(values) : List.of();
        }
    }

    /** The primary key's columns in key order, as the schema publisher reads them. */
    private static List<String> primaryKey(Connection c, long table) throws SQLException {
        return strings(c, """
                SELECT a.attname::text FROM pg_constraint con, unnest(con.conkey) WITH ORDINALITY k(n, o)
                JOIN pg_attribute a ON a.attnum = k.n
                WHERE con.conrelid = ? AND con.contype = 'p' AND a.attrelid = con.conrelid ORDER BY k.o""", table);
    }

    private static List<ForeignKey> foreignKeys(Connection c, long table) throws SQLException {
        List<ForeignKey> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT con.conname,
                       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o),
                       rc.relname,
                       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)
                FROM pg_constraint con JOIN pg_class rc ON rc.oid = con.confrelid
                WHERE con.conrelid = ? AND con.contype = 'f' ORDER BY con.conname""")) {
            ps.setLong(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ForeignKey(rs.getString(1), list(rs.getArray(2)), "public", rs.getString(3), list(rs.getArray(4))));
                }
            }
        }
        return out;
    }

    private static List<String> list(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<String> strings(Connection c, String sql, long param) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
