package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.policy.AccessPolicies;
import io.dbchat.contracts.policy.PolicySubject;
import io.dbchat.executor.ConsultancySchema;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The row and column policies applied to checked statements: every read of a policed table filtered, at any depth. */
class PolicyRewriteTest {

    static final SchemaSnapshot SCHEMA = ConsultancySchema.snapshot();
    static final AccessPolicies POLICIES = AccessPolicies.parse("""
            datasources:
              consultancy:
                rows:
                  clients: "country = :region"
                  tasks: "assignee_id = :user_id::int OR :role = 'manager'"
                columns:
                  users:
                    hourly_rate: [hr]
                    email: [hr, manager]
            """);
    static final String FILTERED_CLIENTS = "(SELECT \"id\", \"name\", \"country\", \"industry\", \"created_at\" "
            + "FROM \"public\".\"clients\" WHERE (country = 'EU') OFFSET 0)";

    final SqlGuard guard = new SqlGuard(new GuardLimits(20_000, 12, 8, 100));
    final PolicyScope europe = scope(Map.of("region", "EU", "user_id", "7", "role", "sales"));

    @Test
    void replacesATableByItsFilteredRowsUnderItsOwnName() {
        assertThat(accepted("SELECT count(*) FROM clients", europe))
                .isEqualTo("SELECT count(*) FROM " + FILTERED_CLIENTS + " AS \"clients\" LIMIT 100");
        assertThat(accepted("SELECT c.name FROM clients c WHERE c.industry = 'Retail'", europe))
                .isEqualTo("SELECT c.name FROM " + FILTERED_CLIENTS + " c WHERE c.industry = 'Retail' LIMIT 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT name FROM clients UNION SELECT name FROM clients",
        "SELECT name FROM clients UNION ALL SELECT name FROM teams EXCEPT SELECT name FROM clients",
        "WITH c AS (SELECT * FROM clients) SELECT count(*) FROM c",
        "WITH a AS (SELECT id FROM clients), b AS (SELECT id FROM a) SELECT * FROM b",
        "WITH RECURSIVE r(n) AS (SELECT count(*) FROM clients UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r",
        "SELECT a.name, b.name FROM clients a JOIN clients b ON a.country = b.country",
        "SELECT p.name FROM projects p LEFT JOIN clients c ON c.id = p.client_id",
        "SELECT * FROM (SELECT name FROM clients) x",
        "SELECT * FROM (SELECT * FROM (SELECT name, country FROM clients) y) x",
        "SELECT t.name, l.n FROM teams t, LATERAL (SELECT count(*) AS n FROM clients c WHERE c.id > t.id) l",
        "SELECT t.name FROM teams t CROSS JOIN LATERAL (SELECT c.name FROM clients c LIMIT 1) l",
        "SELECT name FROM teams WHERE EXISTS (SELECT 1 FROM clients WHERE country = 'US')",
        "SELECT name, (SELECT count(*) FROM clients) AS total FROM teams",
        "SELECT name FROM projects WHERE client_id IN (SELECT id FROM clients)",
        "SELECT name FROM projects WHERE client_id = ANY (SELECT id FROM clients)",
        "SELECT count(*) OVER (), name FROM clients",
        "SELECT name, rank() OVER (ORDER BY created_at) FROM clients",
        "SELECT x FROM unnest((SELECT array_agg(name) FROM clients)) AS x",
        "SELECT n FROM generate_series(1, (SELECT count(*) FROM clients)) AS n",
        "SELECT country, count(*) FROM clients GROUP BY country HAVING count(*) > (SELECT count(*) FROM clients) / 10",
        "SELECT * FROM (clients JOIN projects ON projects.client_id = clients.id)",
        "SELECT name FROM teams WHERE id > ALL (SELECT id FROM clients) OR id < (SELECT max(id) FROM clients)",
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM clients c WHERE c.name = 'Acme') THEN 1 END",
        "SELECT p.name FROM projects p WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = p.client_id)"
    })
    void filtersEveryReadOfAPolicedTableAtAnyDepth(String sql) {
        String rewritten = accepted(sql, europe);

        assertThat(count(rewritten, "\"public\".\"clients\" WHERE \\(country = 'EU'\\)"))
                .as(rewritten).isEqualTo(reads(sql));
        assertThat(rewritten).as("no unfiltered read left").doesNotContainPattern("(?i)(FROM|JOIN|,)\\s+clients\\b");
        assertThat(parses(rewritten)).isTrue();
    }

    @Test
    void aCteThatShadowsAPolicedTableIsNotItself() {
        var verdict = (GuardResult.Accepted) guard.check("WITH clients AS (SELECT id FROM teams) SELECT id FROM clients",
                SCHEMA, europe);

        assertThat(verdict.sql()).doesNotContain("country");
        assertThat(verdict.policies()).isEmpty();
    }

    @Test
    void bindsAttributesAsEscapedStringLiteralsAndNeverAsText() {
        PolicyScope quoting = scope(Map.of("region", "EU'); DELETE FROM clients; --"));

        assertThat(accepted("SELECT name FROM clients", quoting))
                .contains("WHERE (country = 'EU''); DELETE FROM clients; --') OFFSET 0");
        assertThat(rejected("SELECT name FROM clients", scope(Map.of("region", "\\' OR true OR '"))).code())
                .as("a backslash, read differently by PostgreSQL and the parser").isEqualTo("sql.policy_invalid");
    }

    @Test
    void aPrincipalWithoutAnAttributeTheFilterNeedsGetsNothingFromTheTable() {
        PolicyScope nobody = scope(Map.of("role", "sales"));

        assertThat(accepted("SELECT count(*) FROM clients", nobody)).contains("WHERE (false) OFFSET 0");
        assertThat(accepted("SELECT count(*) FROM tasks", nobody)).contains("WHERE (false) OFFSET 0");
        assertThat(accepted("SELECT count(*) FROM tasks", scope(Map.of("user_id", "7", "role", "manager"))))
                .contains("WHERE (assignee_id = '7'::int OR 'manager' = 'manager') OFFSET 0");
    }

    @Test
    void aColumnThePrincipalMayNotReadIsRefusedAsIfItDidNotExist() {
        Problem hidden = rejected("SELECT hourly_rate FROM users", europe);
        Problem unknown = rejected("SELECT shoe_size FROM users", europe);

        assertThat(hidden.code()).isEqualTo(unknown.code()).isEqualTo("sql.column_not_allowed");
        assertThat(hidden.message()).isEqualTo(unknown.message().replace("shoe_size", "hourly_rate"));
        assertThat(rejected("SELECT u.email FROM users u WHERE u.id = 1", europe).code())
                .isEqualTo("sql.column_not_allowed");
        assertThat(rejected("SELECT count(*) FROM users WHERE hourly_rate > 100", europe).code())
                .isEqualTo("sql.column_not_allowed");
    }

    @Test
    void aStarExpandsToTheColumnsThePrincipalMayRead() {
        assertThat(accepted("SELECT * FROM users", europe)).doesNotContain("hourly_rate").doesNotContain("email");
        assertThat(accepted("SELECT * FROM users", scope(Map.of("roles", "hr, auditor"))))
                .contains("\"hourly_rate\"").contains("\"email\"");
        assertThat(accepted("SELECT email FROM users", scope(Map.of("role", "manager")))).contains("email");
    }

    @Test
    void namesThePoliciesThatApplied() {
        var verdict = (GuardResult.Accepted) guard.check(
                "SELECT u.full_name, c.name FROM users u JOIN clients c ON c.id = u.id", SCHEMA, europe);

        assertThat(verdict.policies()).containsExactly("columns:public.users", "rows:clients");
        assertThat(((GuardResult.Accepted) guard.check("SELECT name FROM teams", SCHEMA, europe)).policies()).isEmpty();
    }

    @Test
    void oneCacheEntryNeverServesAnotherPrincipal() {
        PolicyScope us = scope(Map.of("region", "US"));
        for (int i = 0; i < 3; i++) {
            for (String value : new String[] {"Retail", "Banking", "Energy"}) {
                String sql = "SELECT name FROM clients WHERE industry = '" + value + "'";
                assertThat(accepted(sql, europe)).contains("country = 'EU'").doesNotContain("'US'");
                assertThat(accepted(sql, us)).contains("country = 'US'").doesNotContain("'EU'");
                assertThat(accepted(sql, PolicyScope.NONE)).doesNotContain("country");
            }
        }
        assertThat(guard.shapeAnswers()).as("the shape cache answered").isPositive();
        assertThat(guard.textAnswers()).as("the text cache answered").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "shoe_size = :region",
        "id IN (SELECT client_id FROM projects)",
        "pg_sleep(1) IS NULL",
        "country = ?",
        "country = = :region"
    })
    void aFilterThatCannotStandOverItsTableRefusesTheStatement(String filter) {
        PolicyScope broken = PolicyScope.of(AccessPolicies.parse("""
                datasources:
                  consultancy:
                    rows:
                      clients: "%s"
                """.formatted(filter)), "consultancy", PolicySubject.of(Map.of("region", "EU")));

        Problem problem = rejected("SELECT count(*) FROM clients", broken);

        assertThat(problem.code()).isEqualTo("sql.policy_invalid");
        assertThat(problem.message()).doesNotContain(filter);
    }

    @Test
    void anotherDatasourceIsNotPoliced() {
        assertThat(PolicyScope.of(POLICIES, "elsewhere", PolicySubject.NOBODY).isNone()).isTrue();
    }

    private static PolicyScope scope(Map<String, String> attributes) {
        return PolicyScope.of(POLICIES, ConsultancySchema.DATASOURCE, PolicySubject.of(attributes));
    }

    private String accepted(String sql, PolicyScope scope) {
        GuardResult verdict = guard.check(sql, SCHEMA, scope);
        assertThat(verdict).as(sql).isInstanceOf(GuardResult.Accepted.class);
        return ((GuardResult.Accepted) verdict).sql();
    }

    private Problem rejected(String sql, PolicyScope scope) {
        GuardResult verdict = guard.check(sql, SCHEMA, scope);
        assertThat(verdict).as(sql).isInstanceOf(GuardResult.Rejected.class);
        return ((GuardResult.Rejected) verdict).problem();
    }

    /** How many times the original statement reads the clients table. */
    private static int reads(String sql) {
        return count(sql, "(?i)(FROM|JOIN|,)\\s+(\\(\\s*)?clients\\b");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean parses(String sql) {
        try {
            CCJSqlParserUtil.parse(sql);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
