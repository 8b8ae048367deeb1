package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SqlIdentifiers;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tables and columns named with a word the guard's parser reserves (a column "number", a table "settings")
 * are usable once quoted as {@link SqlIdentifiers} quotes them, which is how the schema is shown to the model
 * and how the offline translator writes SQL.
 */
class KeywordNamesTest {

    final SqlGuard guard = new SqlGuard(new GuardLimits(20_000, 12, 8, 100));

    static Stream<String> words() {
        return SqlIdentifiers.parserKeywords().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("words")
    void aQuotedKeywordIsAnOrdinaryName(String word) {
        var schema = new SchemaSnapshot(SchemaSnapshot.VERSION, "keywords", "v1", Instant.EPOCH, List.of(
                new TableSchema("public", word, "table", null, 0,
                        List.of(ColumnSchema.of("id", "int4", false), ColumnSchema.of(word, "int4", true)),
                        List.of("id"), List.of(), List.of())));
        String name = SqlIdentifiers.quote(word);
        String sql = "SELECT t." + name + ", count(*) AS n FROM " + SqlIdentifiers.table("public", word) + " t WHERE "
                + name + " > 1 GROUP BY t." + name + " ORDER BY " + name;

        assertThat(guard.check(sql, schema)).as(sql).isInstanceOf(GuardResult.Accepted.class);
    }
}
