package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.executor.ConsultancySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape cache changes nothing but the cost: for every corpus statement, variants with other literal values and
 * adversarial ones, the guard gives exactly the verdict, code and rewritten SQL of a guard without any cache (the
 * same guard on a snapshot without a version, which neither cache serves).
 */
class ShapeCacheEquivalenceTest {

    static final SchemaSnapshot SCHEMA = ConsultancySchema.snapshot();
    static final SchemaSnapshot UNCACHED = new SchemaSnapshot(SCHEMA.v(), SCHEMA.datasource(), null,
            SCHEMA.readAt(), SCHEMA.tables());

    /** String contents that try to end the literal, comment out the rest, or look like another token. */
    static final List<String> ADVERSARIAL = List.of(
            "it''s", "x'' OR 1=1 --", "'' || pg_sleep(1) || ''", "$$", "$$ DROP TABLE users $$", "/* c */",
            "*/ SELECT password_hash FROM users /*", "-- tail", "; DELETE FROM teams;", "?", "?1", ":id", "$1",
            "Zürich", "''''", "", " ", "{d '2024-01-01'}", "\"", "%_%");

    static Stream<String> statements() {
        return Stream.concat(GuardCorpus.attacks().map(a -> (String) a.get()[1]), GuardCorpus.legit().stream());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("statements")
    void variantsOfAStatementGetExactlyTheVerdictsOfTheUncachedGuard(String sql) {
        SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);
        for (String variant : variants(sql)) {
            assertThat(guard.check(variant, SCHEMA)).as(variant).isEqualTo(guard.check(variant, UNCACHED));
        }
    }

    @Test
    void theShapeCacheAnswersEveryLaterVariantOfTheLegitimateCorpus() {
        SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);
        List<String> legit = GuardCorpus.legit();
        for (int round = 0; round < 5; round++) {
            for (String sql : legit) {
                guard.check(GuardWorkload.vary(sql, round * 1_000L + 1) + " -- " + round, SCHEMA);
            }
        }

        // rounds 2 to 5 of every statement: a shape is learnt on its second sighting, checked against the first
        assertThat(guard.shapeAnswers()).isEqualTo(4L * legit.size());
    }

    @Test
    void commentsHidingKeywordsChangeNothing() {
        SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);
        List<String> texts = List.of(
                "SELECT name FROM teams WHERE name = 'a'",
                "SELECT name FROM teams WHERE name = 'b' /* ; DROP TABLE users */",
                "SELECT name FROM teams -- ; DELETE FROM teams\n WHERE name = 'c'",
                "SELECT name /* FROM salaries */ FROM teams WHERE name = 'd'",
                "SELECT name FROM teams WHERE name = 'e' -- UNION SELECT password_hash FROM users",
                "SELECT name FROM teams WHERE name = '/* f' -- */ OR true",
                "SELECT name FROM teams WHERE name = 'g'; -- DROP TABLE users",
                "SELECT name FROM teams WHERE name = 'h'; DROP TABLE users");
        for (String text : texts) {
            assertThat(guard.check(text, SCHEMA)).as(text).isEqualTo(guard.check(text, UNCACHED));
        }
        assertThat(guard.shapeAnswers()).isPositive();
        assertThat(guard.check("SELECT name FROM teams WHERE name = 'x'' OR 1=1 --'", SCHEMA)).isEqualTo(
                new GuardResult.Accepted("SELECT name FROM teams WHERE name = 'x'' OR 1=1 --' LIMIT 1001"));
    }

    @Test
    void rowLimitsAreTightenedWhateverTheShapeCacheKnows() {
        SqlGuard guard = new SqlGuard(new GuardLimits(20_000, 12, 8, 100));
        for (String limit : List.of("5", "6", "7", "5000", "ALL", "99", "100", "101")) {
            String sql = "SELECT name FROM teams WHERE id > 1 LIMIT " + limit;
            assertThat(guard.check(sql, SCHEMA)).as(sql).isEqualTo(guard.check(sql, UNCACHED));
            String fetch = "SELECT name FROM teams WHERE id > 2 FETCH FIRST " + limit.replace("ALL", "1") + " ROWS ONLY";
            assertThat(guard.check(fetch, SCHEMA)).as(fetch).isEqualTo(guard.check(fetch, UNCACHED));
        }
        assertThat(guard.check("SELECT name FROM teams WHERE id > 3 LIMIT 5000", SCHEMA))
                .isEqualTo(new GuardResult.Accepted("SELECT name FROM teams WHERE id > 3 LIMIT 100"));
    }

    @Test
    void lengthAndNestingAreBoundedOnTheRawTextEvenForAKnownShape() {
        SqlGuard guard = new SqlGuard(new GuardLimits(80, 12, 8, 100));
        for (String name : List.of("a", "b", "c")) {
            assertThat(guard.check("SELECT name FROM teams WHERE name = '" + name + "'", SCHEMA))
                    .isInstanceOf(GuardResult.Accepted.class);
        }
        String longLiteral = "SELECT name FROM teams WHERE name = '" + "x".repeat(60) + "'";
        String longComment = "SELECT name FROM teams WHERE name = 'd' /* " + "y".repeat(60) + " */";

        for (String sql : List.of(longLiteral, longComment)) {
            assertThat(guard.check(sql, SCHEMA)).isInstanceOfSatisfying(GuardResult.Rejected.class,
                    r -> assertThat(r.problem().code()).isEqualTo("sql.too_complex"));
        }
    }

    @Test
    void aStatementWithAParameterIsRefusedEvenWhenItsShapeWouldBeKnown() {
        SqlGuard guard = new SqlGuard(GuardLimits.DEFAULTS);
        guard.check("SELECT name FROM teams WHERE id = 1", SCHEMA);
        guard.check("SELECT name FROM teams WHERE id = 2", SCHEMA);

        assertThat(guard.check("SELECT name FROM teams WHERE id = ?1", SCHEMA)).isInstanceOfSatisfying(
                GuardResult.Rejected.class, r -> assertThat(r.problem().code()).isEqualTo("sql.construct_not_allowed"));
        assertThat(guard.check("SELECT name FROM teams WHERE id = $1", SCHEMA)).isInstanceOf(GuardResult.Rejected.class);
    }

    /** The statement, then variants with other plain literals, each string also set to every adversarial value. */
    private static List<String> variants(String sql) {
        List<String> out = new ArrayList<>();
        out.add(sql);
        for (long serial = 1; serial <= 4; serial++) {
            out.add(GuardWorkload.vary(sql, serial * 37));
        }
        out.add(sql.replace("  ", " ") + " /* same shape */");
        for (String value : ADVERSARIAL) {
            out.add(withStrings(sql, value));
        }
        out.add(sql.replaceAll("\\b(\\d+)\\b", "$1.50"));
        out.add(sql.replaceAll("\\b(\\d+)\\b", "0"));
        return out;
    }

    /** Every complete string literal of the text set to {@code value} (already quoted as SQL). */
    private static String withStrings(String sql, String value) {
        return sql.replaceAll("'(?:[^']|'')*'", "'" + java.util.regex.Matcher.quoteReplacement(value) + "'");
    }
}
