package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shape of a statement: what becomes a place, what stays in the key, and what the lexer will not touch. */
class ShapeLexerTest {

    @Test
    void commentsAndBlanksVanishAndPlainLiteralsBecomePlaces() {
        Shape shape = ShapeLexer.shape("SELECT name  FROM teams /* note */ WHERE id = 42 -- why\n AND name = 'Data'");

        assertThat(shape.key()).isEqualTo("SELECT name FROM teams WHERE id = ?i AND name = ?s ");
        assertThat(shape.literals()).containsExactly(
                new Shape.Literal(Shape.Type.INTEGER, "42"), new Shape.Literal(Shape.Type.STRING, "Data"));
        assertThat(shape.marked()).isEqualTo("SELECT name  FROM teams   WHERE id =  ?1   \n AND name =  ?2 ");
        assertThat(ShapeLexer.shape("SELECT name FROM teams WHERE id = 7 AND name = 'Ops'").key())
                .isEqualTo(shape.key());
    }

    @Test
    void wordsKeepTheirCaseAndQuotedNamesStayVerbatim() {
        assertThat(ShapeLexer.shape("select NAME from \"Teams\"").key()).isEqualTo("select NAME from \"Teams\" ");
        assertThat(ShapeLexer.shape("SELECT name FROM teams").key())
                .isNotEqualTo(ShapeLexer.shape("SELECT NAME FROM teams").key());
    }

    @Test
    void decodesAQuoteInsideAStringAndReQuotesIt() {
        Shape shape = ShapeLexer.shape("SELECT 1 FROM teams WHERE name = 'x'' OR 1=1 --'");

        assertThat(shape.literals().get(1)).isEqualTo(new Shape.Literal(Shape.Type.STRING, "x' OR 1=1 --"));
        StringBuilder sql = new StringBuilder();
        shape.literals().get(1).appendTo(sql);
        assertThat(sql).hasToString("'x'' OR 1=1 --'");
    }

    @Test
    void rowLimitsStayInTheKey() {
        assertThat(ShapeLexer.shape("SELECT name FROM teams LIMIT 5").key())
                .isNotEqualTo(ShapeLexer.shape("SELECT name FROM teams LIMIT 5000").key());
        assertThat(ShapeLexer.shape("SELECT name FROM teams ORDER BY id FETCH FIRST 2 ROWS ONLY").literals()).isEmpty();
        assertThat(ShapeLexer.shape("SELECT name FROM teams LIMIT (2 + 3) OFFSET 4").literals()).isEmpty();
        assertThat(ShapeLexer.shape("(SELECT name FROM teams LIMIT 2) UNION (SELECT name FROM skills WHERE id > 3)")
                .literals()).containsExactly(new Shape.Literal(Shape.Type.INTEGER, "3"));
    }

    @Test
    void typedLiteralsAndTypeModifiersStayInTheKey() {
        assertThat(ShapeLexer.shape("SELECT DATE '2021-01-01', INTERVAL '1 day', TIMESTAMP '2020-01-01 00:00:00', "
                + "TIME '10:00', jsonb '{}'").literals()).isEmpty();
        assertThat(ShapeLexer.shape("SELECT total::numeric(14,2), CAST(total AS numeric(10, 2)) FROM invoices")
                .literals()).isEmpty();
        assertThat(ShapeLexer.shape("SELECT DATE '2021-01-01'").key())
                .isNotEqualTo(ShapeLexer.shape("SELECT DATE '2021-01-02'").key());
        assertThat(ShapeLexer.shape("SELECT round(total, 2) FROM invoices").literals()).hasSize(1);
    }

    @Test
    void aStringHoldingDollarsCommentsOrParametersIsJustAString() {
        Shape shape = ShapeLexer.shape("SELECT name FROM teams WHERE name = '$$ /* ? :x -- $1'");

        assertThat(shape.literals()).containsExactly(new Shape.Literal(Shape.Type.STRING, "$$ /* ? :x -- $1"));
        assertThat(shape.key()).isEqualTo("SELECT name FROM teams WHERE name = ?s ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT $$x$$",
        "SELECT $tag$x$tag$",
        "SELECT E'a\\nb'",
        "SELECT e'x'",
        "SELECT U&'d\\0061t'",
        "SELECT U&\"password\\005fhash\" FROM users",
        "SELECT B'101'",
        "SELECT X'1F'",
        "SELECT N'x'",
        "SELECT 'a\\'",
        "SELECT name FROM teams WHERE id = ?",
        "SELECT name FROM teams WHERE id = $1",
        "SELECT name FROM teams WHERE id = :id",
        "SELECT name FROM teams WHERE name = 'unterminated",
        "SELECT \"unterminated FROM teams",
        "SELECT name FROM teams /* unterminated",
        "SELECT name /* outer /* nested */ still comment */ FROM teams",
        "SELECT /*+ INDEX(teams) */ name FROM teams",
        "SELECT name FROM teams --+ hint",
        "SELECT name FROM teams // comment",
        "SELECT naïve FROM teams",
        "SELECT name FROM teams WHERE name = 'a\tb'",
        "SELECT 1e5",
        "SELECT .5",
        "SELECT 5.",
        "SELECT 007",
        "SELECT 0x1F",
        "SELECT 1_000",
        "SELECT 12345678901234567890",
        "SELECT 1abc",
        "SELECT 'a' 'b'",
        "SELECT 'a'\n'b'",
        "SELECT a$b FROM teams",
        "SELECT \"\" FROM teams",
        "SELECT data @> '{}' FROM t",
        "SELECT data #>> '{a}' FROM t",
        "SELECT `name` FROM teams",
        "SELECT {fn now()}",
        "SELECT arr[1:2] FROM t",
        "SELECT (((1)))) FROM teams",
    })
    void whatTheLexerIsNotSureAboutBypassesTheShapeCache(String sql) {
        assertThat(ShapeLexer.shape(sql)).isNull();
    }

    @Test
    void operatorsAreNotMergedAcrossComments() {
        Shape shape = ShapeLexer.shape("SELECT 1 FROM teams WHERE id <-- c\n 2");

        assertThat(shape.key()).isEqualTo("SELECT ?i FROM teams WHERE id < ?i ");
        assertThat(List.of(shape.marked().split("\\?")).size()).isEqualTo(3);
    }
}
