package io.dbchat.executor.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.executor.ConsultancyDatabase;
import io.dbchat.executor.ConsultancySchema;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.ExecutionLimits;
import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * The executor's look at its own role: a role made by {@link ReaderGrants} for the consultancy snapshot has no
 * findings; each further privilege (a write, CREATE on a schema or the database, temporary tables, large
 * objects, a denied column) is named; a superuser stops the start unless allowed.
 */
class RoleCheckIntegrationTest {

    static ConsultancyDatabase database;
    final List<ConnectionPool> pools = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = ConsultancyDatabase.start();
        for (String name : List.of("clean", "writer", "creator", "schema_maker", "temp_maker", "lo_maker", "peeker")) {
            database.runAsOwner(ReaderGrants.sql("postgres", ConsultancySchema.snapshot().tables(), role(name)));
        }
        database.runAsOwner("""
                GRANT INSERT ON teams TO writer;
                GRANT CREATE ON SCHEMA public TO creator;
                GRANT CREATE ON DATABASE postgres TO schema_maker;
                GRANT TEMPORARY ON DATABASE postgres TO temp_maker;
                GRANT EXECUTE ON FUNCTION lo_from_bytea(oid, bytea) TO lo_maker;
                GRANT SELECT (password_hash) ON users TO peeker;
                GRANT SELECT ON salaries TO peeker;""");
    }

    @AfterEach
    void closePools() {
        pools.forEach(ConnectionPool::dispose);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void aRoleMadeByTheGeneratedGrantsHasNoFindings() {
        RoleCheck check = inspected("clean", false);
        check.seen(ConsultancySchema.snapshot());

        assertThat(check.findings()).containsEntry(ConsultancySchema.DATASOURCE, List.of());
        assertThat(check.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void eachPrivilegeBeyondReadingIsNamed() {
        assertThat(only("writer")).contains("may write").contains("public.teams");
        assertThat(only("creator")).contains("may create objects in the schemas public");
        assertThat(only("schema_maker")).contains("may create schemas in the database");
        assertThat(only("temp_maker")).contains("may create temporary tables");
        assertThat(only("lo_maker")).contains("may create large objects");
    }

    @Test
    void aDeniedColumnOrTableTheRoleMayReadIsNamedOnceTheSnapshotIsKnown() {
        RoleCheck check = inspected("peeker", false);
        assertThat(check.findings().get(ConsultancySchema.DATASOURCE)).isEmpty();

        check.seen(ConsultancySchema.snapshot());

        assertThat(check.findings().get(ConsultancySchema.DATASOURCE)).singleElement().asString()
                .contains("may read columns that are not published")
                .contains("public.salaries.", "public.users.password_hash")
                .doesNotContain("public.users.email");
        assertThat(check.health().getDetails().get(ConsultancySchema.DATASOURCE)).asString()
                .contains("public.users.password_hash");
    }

    @Test
    void aSuperuserStopsTheStartUnlessAllowed() {
        assertThatThrownBy(() -> inspected("postgres", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a superuser")
                .hasMessageContaining("dbchat.executor.allow-superuser=true");

        RoleCheck allowed = inspected("postgres", true);
        assertThat(allowed.findings().get(ConsultancySchema.DATASOURCE)).anySatisfy(f -> assertThat(f)
                .contains("is a superuser"));
    }

    private String only(String role) {
        List<String> findings = inspected(role, false).findings().get(ConsultancySchema.DATASOURCE);
        assertThat(findings).hasSize(1);
        return findings.getFirst();
    }

    private RoleCheck inspected(String role, boolean allowSuperuser) {
        ConnectionPool pool = ConnectionPools.create(database.datasource(), role,
                role.equals("postgres") ? null : role, 1, ExecutionLimits.DEFAULTS);
        pools.add(pool);
        RoleCheck check = new RoleCheck(Map.of(ConsultancySchema.DATASOURCE, pool), allowSuperuser);
        check.inspectAll();
        return check;
    }

    private static ReaderGrants.Role role(String name) {
        return new ReaderGrants.Role(name, name, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(10),
                8);
    }
}
