package io.dbchat.translator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.guard.GuardLimits;
import io.dbchat.executor.guard.GuardResult;
import io.dbchat.executor.guard.SqlGuard;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Hostile text in a question's literal, re-bound into an example's SQL: quotes, backslashes, {@code $$}, comment
 * markers, unicode, very long text, numbers such as {@code 1e309} or {@code 1; drop}. Whatever the literal holds, a
 * re-binding either does not happen or yields a statement of the example's tree with only that literal changed (the
 * same skeleton, the new value read back as one literal), which the executor's guard judges as it judged the example;
 * the condition of a term goes into the rules' SQL as one parsed condition or not at all.
 */
class RebindingPropertiesTest {

    private static final SqlGuard GUARD = new SqlGuard(GuardLimits.DEFAULTS);
    private static final String EXAMPLE = "SELECT i.id, i.amount FROM invoices i JOIN clients c ON c.id = i.client_id "
            + "WHERE c.name = 'Acme' AND i.amount > 500 AND i.issued_on >= DATE '2024-01-01' ORDER BY i.amount DESC";
    private static final List<String> HOSTILE = List.of("'", "''", "\\", "\\'", "$$", "$x$", "--", "/*", "*/", ";",
            " OR 1=1", "') OR ('1'='1", "; DROP TABLE clients; --", "E'", "U&'", "\u0000", "\u202e", "\uD83D\uDE00",
            "\u02bc", "\uff07", "\n", "\"", "1e309", "1; drop", "pg_sleep(10)", "(SELECT password FROM users)");

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(HOSTILE), Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(6));
        return Arbitraries.oneOf(pieces.list().ofMaxSize(8).map(p -> String.join("", p)),
                Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(5000));
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(java.math.BigInteger.ZERO,
                        java.math.BigInteger.TEN.pow(400)).map(Object::toString),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30).map(d -> d + "." + d),
                Arbitraries.of("1e309", "1; drop", "-1", "0x1F", "1.5e3", "NaN", "Infinity", "9" .repeat(400) + ".5"),
                hostile());
    }

    @Property(tries = 300)
    void aRenamedTextKeepsTheTreeAndTheVerdict(@ForAll("hostile") String name) throws Exception {
        Optional<Rebinder.Rebound> rebound = Rebinder.rebind(EXAMPLE, List.of(text("Acme")), List.of(text(name)));

        rebound.ifPresent(r -> sameTreeAndVerdict(r.sql()));
        if (rebound.isPresent()) {
            assertThat(stringLiterals(rebound.get().sql())).contains(name);
        }
    }

    @Property(tries = 300)
    void aRenumberedAmountKeepsTheTreeAndTheVerdict(@ForAll("numbers") String number) {
        Rebinder.rebind(EXAMPLE, List.of(new Literal(Literal.Kind.NUMBER, "500", 0, 3)),
                List.of(new Literal(Literal.Kind.NUMBER, number, 0, number.length()))).ifPresent(r -> {
            sameTreeAndVerdict(r.sql());
            assertThat(r.sql()).contains("i.amount > " + number + " ");
        });
    }

    @Property(tries = 200)
    void aRedatedDayKeepsTheTreeAndTheVerdict(@ForAll("hostile") String date) {
        Rebinder.rebind(EXAMPLE, List.of(new Literal(Literal.Kind.DATE, "2024-01-01", 0, 10)),
                List.of(new Literal(Literal.Kind.DATE, date, 0, date.length()))).ifPresent(r -> sameTreeAndVerdict(r.sql()));
    }

    @Property(tries = 300)
    void aConditionTermGoesInAsOneConditionOrNotAtAll(@ForAll("hostile") String condition) throws Exception {
        var term = io.dbchat.contracts.events.KnowledgeEntry.term("crm", "t", "approved", "ann", java.time.Instant.EPOCH,
                "active client", List.of(), null, condition, "condition", "clients");
        String rules = "SELECT count(*) AS count FROM clients WHERE city = 'Berlin'";

        ConditionTerms.reading("active clients", List.of(term), ConditionTermTest.CRM)
                .flatMap(reading -> ConditionTerms.apply(rules, reading)).ifPresent(sql -> {
            try {
                String parsed = CCJSqlParserUtil.parseCondExpression(condition, false).toString();
                assertThat(sql).isEqualTo("SELECT count(*) AS count FROM clients WHERE (city = 'Berlin') AND (" + parsed + ")");
                Statement again = CCJSqlParserUtil.parse(sql);
                assertThat(again.toString()).isEqualTo(sql);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void sameTreeAndVerdict(String sql) {
        try {
            assertThat(Rebinder.skeleton(CCJSqlParserUtil.parse(sql))).isEqualTo(Rebinder.skeleton(CCJSqlParserUtil.parse(EXAMPLE)));
        } catch (Exception e) {
            throw new AssertionError("the re-bound SQL does not parse: " + sql, e);
        }
        assertThat(verdict(sql)).isEqualTo(verdict(EXAMPLE));
    }

    private static String verdict(String sql) {
        return switch (GUARD.check(sql, Invoices.SCHEMA)) {
            case GuardResult.Accepted a -> "accepted";
            case GuardResult.Rejected r -> r.problem().code();
        };
    }

    private static List<String> stringLiterals(String sql) throws Exception {
        return Rebinder.literalNodes(CCJSqlParserUtil.parse(sql)).stream()
                .filter(net.sf.jsqlparser.expression.StringValue.class::isInstance)
                .map(s -> ((net.sf.jsqlparser.expression.StringValue) s).getValue().replace("''", "'")).toList();
    }

    private static Literal text(String value) {
        return new Literal(Literal.Kind.TEXT, value, 0, value.length());
    }
}
