package io.dbchat.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPoliciesTest {

    static final String FILE = """
            datasources:
              shop:
                rows:
                  Customers: "country = :region"
                  sales.orders: "owner = :user_id"
                columns:
                  users:
                    salary: [hr]
                    email: "hr, support"
            """;

    @Test
    void readsRowFiltersAndColumnRolesPerDatasource() {
        AccessPolicies policies = AccessPolicies.parse(FILE);
        DatasourcePolicies shop = policies.of("shop");

        assertThat(shop.rowPolicy(table("public", "customers"))).isEqualTo(
                new DatasourcePolicies.RowPolicy("customers", "country = :region"));
        assertThat(shop.rowPolicy(table("sales", "orders")).name()).isEqualTo("sales.orders");
        assertThat(shop.rowPolicy(table("public", "orders"))).isNull();
        assertThat(shop.hiddenColumns(table("public", "users"), Set.of())).containsExactly("email", "salary");
        assertThat(shop.hiddenColumns(table("public", "users"), Set.of("support"))).containsExactly("salary");
        assertThat(shop.hiddenColumns(table("public", "users"), Set.of("hr"))).isEmpty();
        assertThat(policies.of("elsewhere").isEmpty()).isTrue();
    }

    @Test
    void anUnqualifiedNameCoversTheTableOfThatNameInEverySchema() {
        DatasourcePolicies shop = AccessPolicies.parse(FILE).of("shop");

        assertThat(shop.rowPolicy(table("archive", "customers"))).isNotNull();
    }

    @Test
    void theVersionIsTheContentsHash() {
        assertThat(AccessPolicies.parse(FILE).version()).isEqualTo(AccessPolicies.parse(FILE).version())
                .isNotEqualTo(AccessPolicies.parse(FILE.replace("hr]", "hr, boss]")).version());
    }

    @Test
    void refusesAFileItCannotReadWithTheReason() {
        assertThatThrownBy(() -> AccessPolicies.parse("datasource:\n  shop: {}\n"))
                .hasMessageContaining("unknown key 'datasource'");
        assertThatThrownBy(() -> AccessPolicies.parse("datasources:\n  shop:\n    row:\n      t: x\n"))
                .hasMessageContaining("unknown key 'row' under datasource shop");
        assertThatThrownBy(() -> AccessPolicies.parse("datasources:\n  shop:\n    rows:\n      t: ''\n"))
                .hasMessageContaining("row filter of shop.t");
        assertThatThrownBy(() -> AccessPolicies.parse("datasources:\n  shop:\n    columns:\n      t:\n        c: 3\n"))
                .hasMessageContaining("shop.columns.t.c");
        assertThatThrownBy(() -> AccessPolicies.parse("datasources: !!java.io.File /tmp\n"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aSubjectsRolesComeFromRoleAndRoles() {
        var subject = PolicySubject.of(Map.of("role", "manager", "roles", "hr, ,auditor", "region", "EU"));

        assertThat(subject.roles()).containsExactlyInAnyOrder("manager", "hr", "auditor");
        assertThat(subject.attribute("region")).isEqualTo("EU");
        assertThat(PolicySubject.of(Map.of("region", "")).attribute("region")).isNull();
        assertThat(PolicySubject.of(null).roles()).isEmpty();
    }

    static TableSchema table(String schema, String name) {
        return new TableSchema(schema, name, "table", null, 10, List.of(ColumnSchema.of("id", "int4", false)),
                List.of("id"), List.of(), List.of());
    }
}
