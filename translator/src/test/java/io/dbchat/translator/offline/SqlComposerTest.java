package io.dbchat.translator.offline;

import static io.dbchat.translator.offline.Schemas.CONSULTANCY;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlComposerTest {

    private final TableSchema projects = CONSULTANCY.table("projects").orElseThrow();
    private final TableSchema clients = CONSULTANCY.table("clients").orElseThrow();

    @Test
    void countsWithTheAliasTheInterpreterReads() {
        Intent intent = intent(projects);
        intent.count = true;

        assertThat(SqlComposer.compose(intent, 100)).isEqualTo("SELECT count(*) AS count FROM projects");
    }

    @Test
    void namesAggregatesAfterFunctionAndColumn() {
        Intent intent = intent(projects);
        intent.aggregate = Intent.Aggregate.SUM;
        intent.aggregated = col(projects, "budget");

        assertThat(SqlComposer.compose(intent, 100)).isEqualTo("SELECT sum(budget) AS sum_budget FROM projects");
    }

    @Test
    void joinsAlongTheForeignKeyWithShortAliases() {
        Intent intent = intent(projects);
        intent.select.add(col(projects, "name"));
        intent.filter(col(clients, "country"), "%1$s = 'Japan'");

        assertThat(SqlComposer.compose(intent, 100))
                .isEqualTo("SELECT p.name FROM projects p JOIN clients c ON p.client_id = c.id WHERE c.country = 'Japan' LIMIT 100");
    }

    @Test
    void ordersNullsLastWhenDescendingOnANullableColumnAndCapsTheLimit() {
        Intent intent = intent(projects);
        intent.order = new Intent.Order(col(projects, "budget"), true);
        intent.limit = 5000;

        assertThat(SqlComposer.compose(intent, 50)).isEqualTo("SELECT name, budget FROM projects ORDER BY budget DESC NULLS LAST LIMIT 50");
    }

    @Test
    void quotesIdentifiersOnlyWhenNeeded() {
        TableSchema odd = Schemas.table("Order", null, List.of(ColumnSchema.of("user", "text", false),
                ColumnSchema.of("Total", "integer", false), ColumnSchema.of("note", "text", false)), List.of());
        Intent intent = intent(odd);
        intent.select.add(col(odd, "user"));
        intent.select.add(col(odd, "Total"));
        intent.select.add(col(odd, "note"));

        assertThat(SqlComposer.compose(intent, 10)).isEqualTo("SELECT \"user\", \"Total\", note FROM \"Order\" LIMIT 10");
    }

    @Test
    void writesValuesWithTheirQuotesDoubled() {
        Intent intent = intent(clients);
        intent.count = true;
        intent.filter(col(clients, "name"), "%1$s = " + Sql.literal("O'Brien & Sons", col(clients, "name")));

        assertThat(SqlComposer.compose(intent, 10)).isEqualTo("SELECT count(*) AS count FROM clients WHERE name = 'O''Brien & Sons'");
    }

    private static Intent intent(TableSchema table) {
        Intent intent = new Intent();
        intent.table = table;
        return intent;
    }

    private static Col col(TableSchema table, String name) {
        return Col.of(table, table.column(name).orElseThrow());
    }
}
