package io.dbchat.gateway.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.executor.guard.GuardProperties;
import io.dbchat.gateway.Fixtures;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.schema.SchemaCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The guard at the door judges with the executor's own limits, bound from the executor's settings; and a term's
 * expression, whatever its text holds, is judged as one expression in a statement of a fixed shape, or refused.
 */
class KnowledgeCheckTest {

    private static final List<String> HOSTILE = List.of("'", "''", "\\", "$$", "--", "/*", "*/", ";", ")", "(", " OR ",
            "1=1", " UNION SELECT password FROM users", " FROM pg_authid", "; DROP TABLE orders", "E'", "\u0000",
            "\uD83D\uDE00", "\n", "\"", "1e309", "1; drop", "status", "orders.status = 'new'", " AND ", "count(*)",
            "pg_sleep(1)", " GROUP BY 1", " LIMIT 1", ") x (", "WHERE ");

    private static KnowledgeCheck check(GuardProperties limits) {
        SchemaCatalog schemas = new SchemaCatalog();
        schemas.put("default", Fixtures.schema("default"));
        return new KnowledgeCheck(schemas, PolicyStore.none(), limits);
    }

    private static GuardProperties bound(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dbchat.executor",
                GuardProperties.class);
    }

    @Test
    void judgesWithTheExecutorsConfiguredLimits() {
        var example = KnowledgeEntry.example("default", "e-1", KnowledgeEntry.PROPOSED, "ann", Instant.EPOCH,
                "Orders with their customer", "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id",
                null);

        check(bound(Map.of())).check(example, Map.of());
        assertThatThrownBy(() -> check(bound(Map.of("dbchat.executor.max-joins", "0"))).check(example, Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().code()).isEqualTo("sql.too_complex");
                    assertThat(e.problem().message()).contains("more than 0 joins");
                });
        assertThat(bound(Map.of("dbchat.executor.default-limit", "50")).limits().rowLimit()).isEqualTo(51);
    }

    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.oneOf(Arbitraries.of(HOSTILE), Arbitraries.strings().ofMaxLength(8))
                .list().ofMinSize(1).ofMaxSize(7).map(p -> String.join("", p));
    }

    @Property(tries = 400)
    void aConditionIsJudgedAsOneConditionOverItsTableOrRefused(@ForAll("expressions") String expression) {
        statement(KnowledgeEntry.CONDITION, expression).ifPresent(sql -> {
            PlainSelect select = fixedShape(sql);
            assertThat(select.getSelectItems()).hasSize(1);
            assertThat(select.getWhere().toString()).isEqualTo("(" + parsed(expression, true) + ")");
        });
    }

    @Property(tries = 400)
    void aMeasureIsJudgedAsOneExpressionOverItsTableOrRefused(@ForAll("expressions") String expression) {
        statement(KnowledgeEntry.MEASURE, expression).ifPresent(sql -> {
            PlainSelect select = fixedShape(sql);
            assertThat(select.getWhere()).isNull();
            assertThat(select.getSelectItems()).hasSize(1);
            assertThat(select.getSelectItems().getFirst().toString()).isEqualTo("(" + parsed(expression, false) + ")");
        });
    }

    private static Optional<String> statement(String kind, String expression) {
        var term = KnowledgeEntry.term("default", "t-1", KnowledgeEntry.PROPOSED, "ann", Instant.EPOCH, "x", List.of(),
                null, expression, kind, "orders");
        try {
            return KnowledgeCheck.statement(term);
        } catch (ProblemException refused) {
            assertThat(refused.status()).isEqualTo(400);
            return Optional.empty();
        }
    }

    /** One SELECT of the term's table alone: no join, grouping, order, limit, set operation or CTE of its own. */
    private static PlainSelect fixedShape(String sql) {
        try {
            assertThat(CCJSqlParserUtil.parse(sql)).isInstanceOf(PlainSelect.class);
            PlainSelect select = (PlainSelect) CCJSqlParserUtil.parse(sql);
            assertThat(select.getFromItem()).isInstanceOfSatisfying(Table.class,
                    t -> assertThat(t.getFullyQualifiedName()).isEqualTo("orders"));
            assertThat(select.getJoins()).isNullOrEmpty();
            assertThat(select.getWithItemsList()).isNull();
            assertThat(select.getGroupBy()).isNull();
            assertThat(select.getHaving()).isNull();
            assertThat(select.getOrderByElements()).isNull();
            assertThat(select.getLimit()).isNull();
            assertThat(select.getOffset()).isNull();
            return select;
        } catch (net.sf.jsqlparser.JSQLParserException e) {
            throw new AssertionError("the judged statement does not parse: " + sql, e);
        }
    }

    private static String parsed(String expression, boolean condition) {
        try {
            return (condition ? CCJSqlParserUtil.parseCondExpression(expression, false)
                    : CCJSqlParserUtil.parseExpression(expression, false)).toString();
        } catch (net.sf.jsqlparser.JSQLParserException e) {
            throw new AssertionError(e);
        }
    }
}
