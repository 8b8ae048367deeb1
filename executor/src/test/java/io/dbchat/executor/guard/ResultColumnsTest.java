package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnMeta;
import org.junit.jupiter.api.Test;

class ResultColumnsTest {

    @Test
    void namesColumnsAsPostgresqlDoes() {
        assertThat(ResultColumns.of("SELECT p.name, \"Budget\", count(*), pg_catalog.lower(x) AS Low, 1 + 2 FROM t p LIMIT 5"))
                .extracting(ColumnMeta::name).containsExactly("name", "Budget", "count", "low", "?column?");
        assertThat(ResultColumns.of("SELECT a FROM t")).containsExactly(new ColumnMeta("a", "unknown"));
    }

    @Test
    void aSetOperationIsNamedByItsFirstQuery() {
        assertThat(ResultColumns.of("(SELECT id AS key FROM a) UNION SELECT id FROM b"))
                .extracting(ColumnMeta::name).containsExactly("key");
        assertThat(ResultColumns.of("WITH s AS (SELECT 1 AS x) SELECT x AS y FROM s"))
                .extracting(ColumnMeta::name).containsExactly("y");
    }

    @Test
    void givesNothingForAStarOrUnreadableText() {
        assertThat(ResultColumns.of("SELECT * FROM t")).isEmpty();
        assertThat(ResultColumns.of("SELECT FROM WHERE")).isEmpty();
        assertThat(ResultColumns.of("DELETE FROM t")).isEmpty();
    }
}
