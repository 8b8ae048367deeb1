package io.dbchat.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    private static final List<String> TABLES = List.of("teams", "users", "clients", "projects", "tasks",
            "time_entries", "invoices", "invoice_lines", "skills", "user_skills");

    @TempDir
    static Path dataDir;

    private static EmbeddedDatabase database;
    private static boolean loadedByFirstCall;

    @BeforeAll
    static void startAndLoad() {
        database = new EmbeddedDatabase(dataDir, 0).start();
        long started = System.nanoTime();
        loadedByFirstCall = database.ensureDemoDatabase();
        System.out.printf("ensureDemoDatabase took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void loadsTheDemoDataOnceAndOnlyOnce() throws SQLException {
        Map<String, Long> before = counts();

        assertThat(loadedByFirstCall).isTrue();
        assertThat(database.ensureDemoDatabase()).isFalse();
        assertThat(counts()).isEqualTo(before);
        assertThat(before).contains(entry("teams", 12L), entry("users", 600L), entry("clients", 80L),
                entry("projects", 400L), entry("tasks", 20_000L), entry("time_entries", 40_000L),
                entry("invoices", 4_066L), entry("invoice_lines", 12_198L), entry("skills", 40L),
                entry("user_skills", 1_500L));
        System.out.println("row counts: " + before);
    }

    @Test
    void demoDataHasTheExactSpellingsQuestionsRelyOn() throws SQLException {
        assertThat(single("SELECT name FROM projects WHERE id = 1")).isEqualTo("Apollo");
        assertThat(single("SELECT string_agg(DISTINCT status, ',' ORDER BY status) FROM projects"))
                .isEqualTo("Cancelled,Completed,In Progress,On Hold,Planned");
        assertThat(single("SELECT string_agg(DISTINCT status, ',' ORDER BY status) FROM tasks"))
                .isEqualTo("Blocked,Done,In Progress,Open");
        assertThat(single("SELECT string_agg(DISTINCT priority::text, ',' ORDER BY priority::text) FROM tasks"))
                .isEqualTo("Critical,High,Low,Medium");
        assertThat(single("SELECT string_agg(DISTINCT status::text, ',' ORDER BY status::text) FROM invoices"))
                .isEqualTo("Draft,Overdue,Paid,Sent");
        assertThat(single("SELECT count(*) FROM invoices i WHERE i.amount <> "
                + "(SELECT sum(amount) FROM invoice_lines l WHERE l.invoice_id = i.id)")).isEqualTo("0");
        assertThat(single("SELECT min(hired_on) >= '2019-01-01' AND max(hired_on) < '2027-01-01' FROM users"))
                .isEqualTo("t");
    }

    @Test
    void readerCanSelectButNotWrite() throws SQLException {
        try (Connection reader = DriverManager.getConnection(database.jdbcUrl(EmbeddedDatabase.DEMO),
                database.readerUsername(), database.readerPassword());
                Statement st = reader.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM projects WHERE status = 'On Hold'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
            }
            assertThatThrownBy(() -> st.execute("UPDATE projects SET budget = 0"))
                    .hasMessageContaining("read-only transaction");
            st.execute("SET default_transaction_read_only = off");
            assertThatThrownBy(() -> st.execute("UPDATE projects SET budget = 0"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("CREATE TABLE stolen (x int)"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void keepsTheDemoDatabaseAcrossRestart() {
        database.close();
        database = new EmbeddedDatabase(dataDir, 0).start();

        assertThat(database.ensureDemoDatabase()).isFalse();
    }

    @Test
    void movesTheDemoDatesToEndInTheMonthBeforeToday() throws SQLException {
        try (Connection admin = database.connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE demo_moved TEMPLATE " + EmbeddedDatabase.DEMO);
        }
        String order = "SELECT count(*) FROM projects WHERE end_date < start_date";
        try (Connection moved = database.connect("demo_moved"); Statement st = moved.createStatement()) {
            DemoDatabase.moveToToday(moved);
            try (ResultSet rs = st.executeQuery("SELECT max(issued_on) >= date_trunc('month', current_date)"
                    + " - interval '1 month', max(issued_on) < date_trunc('month', current_date),"
                    + " (SELECT max(worked_on) FROM time_entries) < date_trunc('month', current_date),"
                    + " (SELECT count(*) FROM invoices) FROM invoices")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the last invoice in the month before today").isTrue();
                assertThat(rs.getBoolean(2)).as("no invoice in this month").isTrue();
                assertThat(rs.getBoolean(3)).as("no hours logged in this month").isTrue();
                assertThat(rs.getLong(4)).isEqualTo(4_066L);
            }
            try (ResultSet rs = st.executeQuery(order)) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    private static Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, Long.valueOf(single("SELECT count(*) FROM " + table)));
        }
        return counts;
    }

    private static String single(String sql) throws SQLException {
        try (Connection c = database.connect(EmbeddedDatabase.DEMO);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
