package io.dbchat.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the template asked for, new clusters are copies that hold the demo already: no initdb, no demo load. */
class ClusterTemplateTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void askForATemplate() {
        System.setProperty(ClusterTemplate.PROPERTY, dir.resolve("template").toString());
    }

    @AfterAll
    static void forgetIt() {
        System.clearProperty(ClusterTemplate.PROPERTY);
    }

    @Test
    void aTemporaryClusterIsACopyWithTheDemoLoadedAndGoesAwayOnClose() throws SQLException {
        Path copy;
        try (var first = new EmbeddedDatabase(null, 0).start(); var second = new EmbeddedDatabase(null, 0).start()) {
            assertThat(first.ensureDemoDatabase()).isFalse();
            assertThat(second.ensureDemoDatabase()).isFalse();
            try (Connection c = first.connect(EmbeddedDatabase.DEMO)) {
                c.createStatement().execute("DELETE FROM user_skills");
            }
            assertThat(count(first, "user_skills")).isZero();
            assertThat(count(second, "user_skills")).isEqualTo(1_500L);
            copy = dataDirectory(first);
            assertThat(copy).isNotEqualTo(dir.resolve("template")).exists();
        }
        assertThat(copy).doesNotExist();
    }

    @Test
    void aDataDirectoryWithoutAClusterIsSeededAndKeepsItsData() throws SQLException {
        Path data = dir.resolve("data");
        try (var server = new EmbeddedDatabase(data, 0).start()) {
            assertThat(server.ensureDemoDatabase()).isFalse();
            assertThat(count(server, "users")).isEqualTo(600L);
        }
        assertThat(Files.exists(data.resolve("postgresql.conf"))).isTrue();
    }

    private static long count(EmbeddedDatabase server, String table) throws SQLException {
        try (Connection c = server.connect(EmbeddedDatabase.DEMO); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path dataDirectory(EmbeddedDatabase server) throws SQLException {
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            return Path.of(rs.getString(1));
        }
    }
}
