package io.dbchat.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaViewTest {

    static final SchemaSnapshot SNAPSHOT = new SchemaSnapshot(1, "shop", "v1", Instant.EPOCH, List.of(
            new TableSchema("public", "customers", "table", null, 5000, List.of(
                    ColumnSchema.of("id", "int4", false),
                    new ColumnSchema("country", "text", false, null, null, List.of("DE", "FR", "US"), "sample"),
                    new ColumnSchema("tier", "tier", false, null, null, List.of("gold", "silver"), "enum")),
                    List.of("id"), List.of(), List.of()),
            new TableSchema("public", "users", "table", null, 40, List.of(
                    ColumnSchema.of("id", "int4", false),
                    ColumnSchema.of("salary", "numeric", false),
                    new ColumnSchema("office", "text", false, null, null, List.of("Berlin"), "sample")),
                    List.of("id"), List.of(List.of("salary")), List.of()),
            new TableSchema("public", "payslips", "table", null, 40, List.of(
                    ColumnSchema.of("user_salary", "numeric", false)), List.of(), List.of(),
                    List.of(new ForeignKey("fk", List.of("user_salary"), "public", "users", List.of("salary"))))));

    static final DatasourcePolicies POLICIES = AccessPolicies.parse("""
            datasources:
              shop:
                rows:
                  customers: "country = :region"
                columns:
                  users:
                    salary: [hr]
            """).of("shop");

    @Test
    void hidesColumnsThePrincipalMayNotReadAndTheKeysThatNameThem() {
        SchemaSnapshot view = SchemaView.of(SNAPSHOT, POLICIES, PolicySubject.of(Map.of("role", "sales")));

        TableSchema users = view.table("users").orElseThrow();
        assertThat(users.columns()).extracting(ColumnSchema::name).containsExactly("id", "office");
        assertThat(users.uniqueKeys()).isEmpty();
        assertThat(view.table("payslips").orElseThrow().foreignKeys()).isEmpty();
        assertThat(SchemaView.of(SNAPSHOT, POLICIES, PolicySubject.of(Map.of("role", "hr")))
                .table("users").orElseThrow().columns()).extracting(ColumnSchema::name).contains("salary");
    }

    @Test
    void aFilteredTableShowsNeitherSamplesNorItsSizeButKeepsItsEnumValues() {
        SchemaSnapshot view = SchemaView.of(SNAPSHOT, POLICIES, PolicySubject.of(Map.of("region", "DE", "role", "hr")));

        TableSchema customers = view.table("customers").orElseThrow();
        assertThat(customers.rowEstimate()).isNegative();
        assertThat(customers.column("country").orElseThrow().values()).isEmpty();
        assertThat(customers.column("tier").orElseThrow().values()).containsExactly("gold", "silver");
        assertThat(view.table("users").orElseThrow().column("office").orElseThrow().values()).containsExactly("Berlin");
        assertThat(view.table("users").orElseThrow().rowEstimate()).isEqualTo(40);
        assertThat(view.version()).isEqualTo(SNAPSHOT.version());
    }

    @Test
    void withoutPoliciesTheSnapshotIsUnchanged() {
        assertThat(SchemaView.of(SNAPSHOT, DatasourcePolicies.NONE, PolicySubject.NOBODY)).isSameAs(SNAPSHOT);
    }
}
