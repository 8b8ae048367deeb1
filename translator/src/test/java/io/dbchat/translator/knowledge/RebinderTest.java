package io.dbchat.translator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.translator.Fixtures;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RebinderTest {

    private static Optional<Rebinder.Rebound> rebind(String knownQuestion, String sql, String asked) {
        QuestionShape known = QuestionShape.of(knownQuestion, Fixtures.PROJECTS);
        QuestionShape now = QuestionShape.of(asked, Fixtures.PROJECTS);
        assertThat(known.sameSlots(now)).as("same slots").isTrue();
        return Rebinder.rebind(sql, known.literals(), now.literals());
    }

    @Test
    void rebindsANumberAndAYearIntoTheTree() {
        var rebound = rebind("invoices over 500 in 2024",
                "SELECT * FROM invoices WHERE amount > 500 AND EXTRACT(YEAR FROM issued_on) = 2024 LIMIT 100",
                "invoices over 800 in 2023");
        assertThat(rebound).isPresent();
        assertThat(rebound.get().sql()).isEqualTo(
                "SELECT * FROM invoices WHERE amount > 800 AND EXTRACT(YEAR FROM issued_on) = 2023 LIMIT 100");
        assertThat(rebound.get().changes()).containsExactly("800 for 500", "2023 for 2024");
    }

    @Test
    void sameLiteralsKeepTheSqlAsWritten() {
        String sql = "SELECT count(*) FROM invoices WHERE amount > 500";
        assertThat(rebind("invoices over 500", sql, "show me the invoices above 500").map(Rebinder.Rebound::sql))
                .contains(sql);
    }

    @Test
    void rebindsAStoredValueWithTheCatalogsSpelling() {
        var rebound = rebind("how many projects are active",
                "SELECT count(*) FROM projects WHERE status = 'Active'", "how many projects are on hold");
        assertThat(rebound.map(Rebinder.Rebound::sql)).contains("SELECT count(*) FROM projects WHERE status = 'On Hold'");
    }

    @Test
    void rebindsAQuotedNameAndEscapesIt() {
        var rebound = rebind("projects of team \"Mobile\"",
                "SELECT p.name FROM projects p JOIN teams t ON t.id = p.team_id WHERE t.name = 'Mobile'",
                "projects of team \"O'Brien\"");
        assertThat(rebound.map(Rebinder.Rebound::sql)).hasValueSatisfying(sql -> assertThat(sql).contains("'O''Brien'"));
    }

    @Test
    void missesWhenALiteralIsNotInTheSql() {
        // the year is written as a date range: re-binding 2023 would need more than a literal swap
        assertThat(rebind("invoices in 2024",
                "SELECT * FROM invoices WHERE issued_on >= '2024-01-01' AND issued_on < '2025-01-01'",
                "invoices in 2023")).isEmpty();
    }

    @Test
    void missesWhenALiteralIsInTheSqlTwice() {
        assertThat(rebind("invoices over 500",
                "SELECT * FROM invoices WHERE amount > 500 OR tax > 500", "invoices over 800")).isEmpty();
    }

    @Test
    void missesWhenTheNumberIsOnlyPartOfAnotherLiteral() {
        assertThat(rebind("invoices over 500",
                "SELECT * FROM invoices WHERE note = 'over 500' AND amount > 5000", "invoices over 800")).isEmpty();
    }

    @Test
    void missesADecimalForAnInteger() {
        assertThat(rebind("invoices over 500", "SELECT * FROM invoices WHERE amount > 500", "invoices over 800.5"))
                .isEmpty();
    }

    @Test
    void differentSlotsOrDecisiveWordsAreNotTheSameQuestion() {
        assertThat(QuestionShape.of("invoices over 500", null).sameSlots(QuestionShape.of("invoices under 500", null)))
                .isFalse();
        assertThat(QuestionShape.of("invoices over 500 in 2024", null)
                .sameSlots(QuestionShape.of("invoices over 500", null))).isFalse();
        assertThat(QuestionShape.of("revenue per month", null).sameSlots(QuestionShape.of("revenue per year", null)))
                .isFalse();
        assertThat(QuestionShape.of("How many clients are in Berlin?", null).literals())
                .extracting(Literal::value).containsExactly("Berlin");
    }

    /** Property: for random numbers, the re-bound SQL holds the new ones where the old ones were, and nothing else moved. */
    @Test
    void rebindingRandomNumbersChangesOnlyThoseLiterals() {
        Random random = new Random(15);
        for (int i = 0; i < 200; i++) {
            int amount = 1 + random.nextInt(100_000);
            int year = 1990 + random.nextInt(40);
            int newAmount = 1 + random.nextInt(100_000);
            int newYear = 1990 + random.nextInt(40);
            if (amount == year || newAmount == newYear || amount == 100 || year == 100) {
                continue;
            }
            String template = "SELECT id, amount FROM invoices WHERE amount > %d AND EXTRACT(YEAR FROM issued_on) = %d "
                    + "AND status = 'Paid' ORDER BY amount DESC LIMIT 100";
            var rebound = rebind("invoices over " + amount + " in " + year, template.formatted(amount, year),
                    "invoices over " + newAmount + " in " + newYear);
            assertThat(rebound.map(Rebinder.Rebound::sql)).contains(template.formatted(newAmount, newYear));
        }
    }

    @Test
    void neverRebindsIntoAStringThatReadsBackslashesOrDollarQuotes() {
        var acme = List.of(new Literal(Literal.Kind.TEXT, "Acme", 0, 4));
        var hostile = List.of(new Literal(Literal.Kind.TEXT, "x\\' OR 1=1 --$$", 0, 4));

        assertThat(Rebinder.rebind("SELECT id FROM clients WHERE name = E'Acme'", acme, hostile)).isEmpty();
        assertThat(Rebinder.rebind("SELECT id FROM clients WHERE name = $$Acme$$", acme, hostile)).isEmpty();
        // a backslash before a quote reads as an escape to JSqlParser, not to PostgreSQL: the two trees differ, so no
        // re-binding; without one the text is one literal with its quotes doubled
        assertThat(Rebinder.rebind("SELECT id FROM clients WHERE name = 'Acme'", acme, hostile)).isEmpty();
        assertThat(Rebinder.rebind("SELECT id FROM clients WHERE name = 'Acme'", acme,
                List.of(new Literal(Literal.Kind.TEXT, "O'Brien') OR 1=1 --$$", 0, 4))).map(Rebinder.Rebound::sql))
                .contains("SELECT id FROM clients WHERE name = 'O''Brien'') OR 1=1 --$$'");
    }

    @Test
    void aNumberPastADoublesRangeOrNotDigitsIsNoRebinding() {
        var was = List.of(new Literal(Literal.Kind.NUMBER, "2.5", 0, 3));
        String sql = "SELECT id FROM invoices WHERE amount > 2.5";

        assertThat(Rebinder.rebind(sql, was, List.of(new Literal(Literal.Kind.NUMBER, "9".repeat(400) + ".5", 0, 1))))
                .isEmpty();
        assertThat(Rebinder.rebind(sql, was, List.of(new Literal(Literal.Kind.NUMBER, "1e309", 0, 1)))).isEmpty();
        assertThat(Rebinder.rebind(sql, was, List.of(new Literal(Literal.Kind.NUMBER, "1; drop", 0, 1)))).isEmpty();
        assertThat(Rebinder.rebind(sql, was, List.of(new Literal(Literal.Kind.NUMBER, "3.25", 0, 1)))
                .map(Rebinder.Rebound::sql)).contains("SELECT id FROM invoices WHERE amount > 3.25");
    }

    @Test
    void collectsLiteralsEverywhereTheStatementPrintsThem() throws Exception {
        var statement = net.sf.jsqlparser.parser.CCJSqlParserUtil.parse(
                "WITH x AS (SELECT 1 AS a) SELECT a, 'b' FROM x WHERE a IN (SELECT 2) GROUP BY a HAVING count(*) > 3 "
                        + "ORDER BY a LIMIT 4 OFFSET 5");
        assertThat(Rebinder.literalNodes(statement)).extracting(Object::toString)
                .containsExactlyInAnyOrderElementsOf(List.of("1", "'b'", "2", "3", "4", "5"));
    }
}
