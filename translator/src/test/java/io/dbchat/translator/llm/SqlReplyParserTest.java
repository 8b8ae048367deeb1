package io.dbchat.translator.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.translator.llm.SqlReplyParser.Malformed;
import io.dbchat.translator.llm.SqlReplyParser.Refusal;
import io.dbchat.translator.llm.SqlReplyParser.Sql;
import org.junit.jupiter.api.Test;

class SqlReplyParserTest {

    @Test
    void takesABareQueryAndDropsTheTrailingSemicolon() {
        assertThat(SqlReplyParser.parse("SELECT count(*) FROM users;\n")).isEqualTo(new Sql("SELECT count(*) FROM users"));
    }

    @Test
    void takesTheQueryOutOfASqlCodeFenceWithProseAround() {
        String reply = """
                Sure! Here is the query you need:

                ```sql
                SELECT name
                FROM projects
                WHERE status = 'On Hold'
                LIMIT 100;
                ```

                It lists the projects on hold.""";

        assertThat(SqlReplyParser.parse(reply))
                .isEqualTo(new Sql("SELECT name\nFROM projects\nWHERE status = 'On Hold'\nLIMIT 100"));
    }

    @Test
    void takesAnUnlabelledFence() {
        assertThat(SqlReplyParser.parse("```\nselect 1\n```")).isEqualTo(new Sql("select 1"));
    }

    @Test
    void takesAQueryThatStartsALineInProse() {
        String reply = "The answer needs a join.\nSELECT t.name, count(*) FROM teams t JOIN projects p ON p.team_id = t.id GROUP BY t.name\n\nThis counts projects per team.";

        assertThat(SqlReplyParser.parse(reply)).isEqualTo(
                new Sql("SELECT t.name, count(*) FROM teams t JOIN projects p ON p.team_id = t.id GROUP BY t.name"));
    }

    @Test
    void takesAQueryInlineInASentence() {
        assertThat(SqlReplyParser.parse("You can run SELECT id FROM users LIMIT 5; to see them."))
                .isEqualTo(new Sql("SELECT id FROM users LIMIT 5"));
    }

    @Test
    void takesTheFirstOfSeveralQueries() {
        String reply = "```sql\nSELECT 1 AS a;\nSELECT 2 AS b;\n```";

        assertThat(SqlReplyParser.parse(reply)).isEqualTo(new Sql("SELECT 1 AS a"));
    }

    @Test
    void proposesABlockThatHoldsAnotherCommandAsWrittenForTheGuardToRefuse() {
        assertThat(SqlReplyParser.parse("```sql\nSET search_path = public;\nSELECT 1 AS a;\n```"))
                .isEqualTo(new Sql("SET search_path = public;\nSELECT 1 AS a;"));
        assertThat(SqlReplyParser.parse("```\nselect name from teams; drop table users\n```"))
                .isEqualTo(new Sql("select name from teams; drop table users"));
        assertThat(SqlReplyParser.parse("Here you go:\n```sql\nDELETE FROM invoices\n```"))
                .isEqualTo(new Sql("DELETE FROM invoices"));
    }

    @Test
    void proposesAQueryInProseFollowedByACommandAsWritten() {
        assertThat(SqlReplyParser.parse("SELECT 'a;b' AS x; DROP TABLE users;"))
                .isEqualTo(new Sql("SELECT 'a;b' AS x; DROP TABLE users;"));
    }

    @Test
    void keepsSemicolonsInsideStringLiteralsAndProseAfterAQuery() {
        assertThat(SqlReplyParser.parse("SELECT 'a;b' AS x; Do you need more columns?"))
                .isEqualTo(new Sql("SELECT 'a;b' AS x"));
    }

    @Test
    void aCodeBlockInAnotherLanguageIsNotSql() {
        assertThat(SqlReplyParser.parse("```python\ndelete(users)\n```")).isInstanceOf(SqlReplyParser.Malformed.class);
    }

    @Test
    void acceptsACommonTableExpression() {
        String reply = "```sql\n-- projects per status\nWITH s AS (SELECT status FROM projects) SELECT status, count(*) FROM s GROUP BY status\n```";

        assertThat(SqlReplyParser.parse(reply))
                .isEqualTo(new Sql("WITH s AS (SELECT status FROM projects) SELECT status, count(*) FROM s GROUP BY status"));
    }

    @Test
    void aReplyThatDeclinesIsARefusalWithItsReason() {
        var parsed = SqlReplyParser.parse("I cannot answer that: the schema has no salary information.");

        assertThat(parsed).isEqualTo(new Refusal("I cannot answer that: the schema has no salary information."));
    }

    @Test
    void aStatementThatIsNotAQueryAloneIsNotTakenAsSql() {
        var parsed = SqlReplyParser.parse("```sql\nDELETE FROM users\n```\nSorry, I can't do that with a SELECT-only rule.");

        assertThat(parsed).isInstanceOf(Refusal.class);
    }

    @Test
    void emptyOrGarbledRepliesAreMalformed() {
        assertThat(SqlReplyParser.parse("  ")).isInstanceOf(Malformed.class);
        assertThat(SqlReplyParser.parse("{\"foo\": 42}")).isInstanceOf(Malformed.class);
    }
}
