package io.dbchat.translator.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SchemaText;
import io.dbchat.translator.Fixtures;
import io.dbchat.translator.TranslationRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaSelectorTest {

    static final int BUDGET = 2_000;
    static final List<String> DOMAINS = List.of("warehouse", "shipment", "employee", "payroll", "audit", "sensor",
            "campaign", "ticket", "asset", "vehicle", "lab", "course", "patient", "recipe", "flight", "contract", "device");
    static final List<String> KINDS = List.of("logs", "items", "events", "readings", "assignments", "schedules", "notes",
            "versions", "tags", "metrics");

    @Test
    void aSmallSchemaIsShownWhole() {
        var selector = new SchemaSelector(BUDGET, () -> {
            throw new AssertionError("no embeddings needed");
        });

        assertThat(selector.select(Fixtures.PROJECTS, "anything")).isEqualTo(Fixtures.PROJECTS.tables());
    }

    @Test
    void aFiveHundredTableSchemaIsCutToTheBudgetAndKeepsTheTablesTheQuestionNeeds() {
        SchemaSnapshot big = fiveHundredTables();
        assertThat(SchemaText.approxTokens(SchemaText.render(big))).isGreaterThan(10 * BUDGET);
        var selector = new SchemaSelector(BUDGET, AllMiniLmL6V2EmbeddingModel::new);
        var builder = new PromptBuilder(PromptTemplate.load("translate-v1", null), selector, "PostgreSQL", 100);

        var prompt = builder.build(TranslationRequest.first(question("What is the total invoice amount per customer?"),
                big, List.of()));

        assertThat(prompt.tables()).contains("public.invoices", "public.customers");
        String schemaPart = prompt.text().substring(prompt.text().indexOf("Schema ("), prompt.text().indexOf("Rules:"));
        assertThat(SchemaText.approxTokens(schemaPart)).isLessThanOrEqualTo(BUDGET + 100);
        assertThat(prompt.text()).contains("CREATE TABLE invoices (").contains("invoices.customer_id = customers.id")
                .contains("'Paid', 'Overdue', 'Written off'");
    }

    private static QuestionAsked question(String text) {
        return QuestionAsked.of("q-1", "c-1", "anonymous", "big", text, Instant.EPOCH);
    }

    static SchemaSnapshot fiveHundredTables() {
        List<TableSchema> tables = new ArrayList<>();
        tables.add(table("customers", List.of(ColumnSchema.of("id", "integer", false), ColumnSchema.of("name", "text", false),
                ColumnSchema.of("country", "text", true)), List.of()));
        tables.add(table("invoices", List.of(ColumnSchema.of("id", "integer", false),
                        ColumnSchema.of("customer_id", "integer", false), ColumnSchema.of("amount", "numeric(12,2)", false),
                        new ColumnSchema("status", "invoice_status", false, null, null, List.of("Paid", "Overdue", "Written off"), "enum")),
                List.of(new ForeignKey("invoices_customer_fk", List.of("customer_id"), "public", "customers", List.of("id")))));
        tables.add(table("payments", List.of(ColumnSchema.of("id", "integer", false), ColumnSchema.of("invoice_id", "integer", false),
                ColumnSchema.of("paid_at", "date", false)),
                List.of(new ForeignKey("payments_invoice_fk", List.of("invoice_id"), "public", "invoices", List.of("id")))));
        for (int i = 0; tables.size() < 500; i++) {
            String name = DOMAINS.get(i % DOMAINS.size()) + "_" + KINDS.get((i / DOMAINS.size()) % KINDS.size()) + "_" + i;
            tables.add(table(name, filler(), List.of()));
        }
        return new SchemaSnapshot(1, "big", "v-500", Instant.EPOCH, tables);
    }

    private static List<ColumnSchema> filler() {
        List<ColumnSchema> columns = new ArrayList<>(List.of(ColumnSchema.of("id", "integer", false)));
        for (String c : List.of("created_at", "updated_at", "label", "code", "quantity", "owner", "remarks", "state")) {
            columns.add(ColumnSchema.of(c, "text", true));
        }
        return columns;
    }

    private static TableSchema table(String name, List<ColumnSchema> columns, List<ForeignKey> fks) {
        return new TableSchema("public", name, "table", null, 1000, columns, List.of("id"), List.of(), fks);
    }
}
