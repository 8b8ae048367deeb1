package io.dbchat.schemapublisher.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SchemaText;
import io.dbchat.contracts.schema.SqlIdentifiers;
import io.dbchat.schemapublisher.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogReaderIntegrationTest {

    private static EmbeddedPostgres pg;
    private static SchemaSnapshot shop;

    private static final ExposurePolicy NO_PASSWORDS = new ExposurePolicy(ExposurePolicy.Lists.all(),
            ExposurePolicy.Lists.all(), new ExposurePolicy.Lists(List.of(), List.of("users.password_hash", "*.password_hash")));
    private static final Sampling SAMPLING = new Sampling(true, 30, Duration.ofSeconds(2), 1_000_000, 100);
    private static final CatalogConnections CONNECTIONS = new CatalogConnections(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @BeforeAll
    static void readTheShop() throws Exception {
        pg = TestDatabases.start();
        TestDatabases.create(pg, "shop", "catalog-fixture.sql");
        TestDatabases.create(pg, "empty", null);
        shop = snapshot(read("shop", "reader", NO_PASSWORDS));
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void publishesTablesAndViewsSortedAndSkipsWhatTheRoleMayNotRead() {
        assertThat(shop.tables()).extracting(TableSchema::qualifiedName).containsExactly(
                "Sales Dept.Order Items", "public.active_projects", "public.many_values", "public.projects",
                "public.sessions", "public.task_tags", "public.tasks", "public.teams", "public.users");
        assertThat(table("active_projects").kind()).isEqualTo("view");
        assertThat(table("teams").kind()).isEqualTo("table");
    }

    @Test
    void readsColumnsWithFormattedTypesNullabilityDefaultsAndComments() {
        TableSchema projects = table("projects");
        assertThat(projects.columns()).extracting(ColumnSchema::name).containsExactly(
                "id", "team_id", "status", "priority", "stage", "size", "excluded", "positive", "code");
        assertThat(projects.column("stage").orElseThrow().type()).isEqualTo("character varying(20)");
        assertThat(projects.column("status").orElseThrow().nullable()).isFalse();
        assertThat(projects.column("priority").orElseThrow().nullable()).isTrue();
        assertThat(projects.column("status").orElseThrow().defaultValue()).isEqualTo("'Active'::project_status");
        assertThat(table("teams").comment()).isEqualTo("Teams of people");
        assertThat(table("teams").column("name").orElseThrow().comment()).isEqualTo("Display name");
    }

    @Test
    void readsPrimaryUniqueAndCompositeForeignKeys() {
        assertThat(table("tasks").primaryKey()).containsExactly("project_id", "seq");
        assertThat(table("projects").uniqueKeys()).containsExactly(List.of("team_id", "code"));
        assertThat(table("projects").foreignKeys()).containsExactly(
                new ForeignKey("projects_team_id_fkey", List.of("team_id"), "public", "teams", List.of("id")));
        assertThat(table("task_tags").foreignKeys()).containsExactly(new ForeignKey("task_tags_task_fk",
                List.of("project_id", "seq"), "public", "tasks", List.of("project_id", "seq")));
    }

    @Test
    void givesEnumValuesInDeclaredOrderWithExactSpelling() {
        ColumnSchema status = table("projects").column("status").orElseThrow();
        assertThat(status.type()).isEqualTo("project_status");
        assertThat(status.values()).containsExactly("Active", "On Hold", "It's done", "Zürich");
        assertThat(status.valuesSource()).isEqualTo("enum");
    }

    @Test
    void givesCheckValuesOfBothFormsButNotOfOtherChecks() {
        TableSchema projects = table("projects");
        assertThat(valuesOf(projects, "priority")).isEqualTo("check:[Low, Medium, High]");
        assertThat(valuesOf(projects, "stage")).isEqualTo("check:[draft, live]");
        assertThat(valuesOf(projects, "size")).isEqualTo("check:[1, 2, 3]");
        assertThat(valuesOf(projects, "excluded")).isEqualTo("null:[]");
        assertThat(valuesOf(projects, "positive")).isEqualTo("null:[]");
        assertThat(valuesOf(table("Order Items"), "Größe")).isEqualTo("check:[S, M, L'XL, say \"hi\"]");
    }

    @Test
    void samplesLowCardinalityTextColumnsOnly() {
        assertThat(valuesOf(table("teams"), "region")).isEqualTo("sample:[EU, US]");
        assertThat(valuesOf(table("teams"), "name")).isEqualTo("sample:[Blue, Green, Red]");
        assertThat(valuesOf(table("many_values"), "v")).isEqualTo("null:[]");
        assertThat(valuesOf(table("Order Items"), "MixedCase")).isEqualTo("sample:[One, Two]");
    }

    @Test
    void neverPublishesADeniedColumnNorAKeyThatNamesIt() {
        assertThat(table("users").columns()).extracting(ColumnSchema::name).containsExactly("id", "email");
        assertThat(table("users").uniqueKeys()).isEmpty();
        assertThat(table("sessions").foreignKeys()).isEmpty();
    }

    @Test
    void keepsRowEstimates() {
        assertThat(table("teams").rowEstimate()).isEqualTo(3);
        assertThat(table("many_values").rowEstimate()).isEqualTo(100);
    }

    @Test
    void quotedMixedCaseNonAsciiAndReservedIdentifiersRoundTrip() throws Exception {
        TableSchema items = table("Order Items");
        String sql = "SELECT " + items.columns().stream().map(c -> SqlIdentifiers.quote(c.name()))
                .collect(Collectors.joining(", ")) + " FROM " + SqlIdentifiers.table(items.schema(), items.name());
        try (Connection db = CONNECTIONS.open(TestDatabases.datasource("shop", pg, "shop", "reader"));
             Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("Größe");
            assertThat(rs.getMetaData().getColumnName(2)).isEqualTo("select");
            assertThat(rs.getMetaData().getColumnName(3)).isEqualTo("MixedCase");
        }
        assertThat(items.schema()).isEqualTo("Sales Dept");
    }

    @Test
    void givesTheTranslatorACompactRendering() {
        String text = SchemaText.render(shop, List.of("projects", "Sales Dept.Order Items"));
        assertThat(text).contains("CREATE TABLE \"Sales Dept\".\"Order Items\" (",
                "\"Größe\" text, -- check: 'S', 'M', 'L''XL', 'say \"hi\"'",
                "status project_status NOT NULL DEFAULT 'Active'::project_status, -- enum: 'Active', 'On Hold', 'It''s done', 'Zürich'",
                "FOREIGN KEY (team_id) REFERENCES teams (id)");
    }

    @Test
    void allowlistsLimitWhatIsPublished() throws Exception {
        var onlyTeams = new ExposurePolicy(new ExposurePolicy.Lists(List.of("public"), List.of()),
                new ExposurePolicy.Lists(List.of("team*"), List.of()), ExposurePolicy.Lists.all());

        List<TableSchema> tables = read("shop", "reader", onlyTeams);

        assertThat(tables).extracting(TableSchema::name).containsExactly("teams");
    }

    @Test
    void anEmptyDatabaseGivesAnEmptySnapshot() throws Exception {
        assertThat(read("empty", "postgres", ExposurePolicy.everything())).isEmpty();
    }

    private static List<TableSchema> read(String database, String user, ExposurePolicy policy) throws Exception {
        try (Connection db = CONNECTIONS.open(TestDatabases.datasource(database, pg, database, user))) {
            return new CatalogReader(policy, SAMPLING).read(db);
        }
    }

    private static SchemaSnapshot snapshot(List<TableSchema> tables) {
        return new SchemaSnapshot(SchemaSnapshot.VERSION, "shop", "test", Instant.EPOCH, tables);
    }

    private static TableSchema table(String name) {
        return shop.table(name).orElseThrow();
    }

    private static String valuesOf(TableSchema table, String column) {
        ColumnSchema c = table.column(column).orElseThrow();
        return c.valuesSource() + ":" + c.values();
    }
}
