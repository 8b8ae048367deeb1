package io.dbchat.translator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.offline.OfflineTranslator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The offline translator with a condition term: "active client" applied where the rules' SQL reads clients. */
class ConditionTermTest {

    static final SchemaSnapshot CRM = new SchemaSnapshot(1, "crm", "v-1", Instant.EPOCH, List.of(
            new TableSchema("public", "clients", "table", null, 10, List.of(ColumnSchema.of("id", "integer", false),
                    ColumnSchema.of("name", "text", false), ColumnSchema.of("city", "text", false),
                    ColumnSchema.of("churned", "boolean", false)), List.of("id"), List.of(), List.of()),
            new TableSchema("public", "invoices", "table", null, 100, List.of(ColumnSchema.of("id", "integer", false),
                    ColumnSchema.of("client_id", "integer", false), ColumnSchema.of("amount", "numeric(12,2)", false),
                    ColumnSchema.of("issued_on", "date", false)), List.of("id"), List.of(),
                    List.of(new ForeignKey("invoices_client_fk", List.of("client_id"), "public", "clients",
                            List.of("id"))))));

    static final KnowledgeEntry ACTIVE = KnowledgeEntry.term("crm", "t-active", KnowledgeEntry.APPROVED, "ann",
            Instant.EPOCH, "active client", List.of("live customer"), "a client that has not churned",
            "NOT clients.churned", KnowledgeEntry.CONDITION, "clients");

    private final KnowledgeView knowledge = new KnowledgeView(Invoices.EMBEDDER, 100);
    private WithKnowledge translator;

    @BeforeEach
    void teach() {
        translator = Invoices.offline(knowledge);
        knowledge.apply(ACTIVE.key(), ACTIVE);
    }

    private Translation.Sql sql(String question) {
        Translation done = translate(question);
        assertThat(done).as(done.toString()).isInstanceOf(Translation.Sql.class);
        return (Translation.Sql) done;
    }

    private Translation translate(String question) {
        var q = QuestionAsked.of("q-1", "c-1", "ann", "crm", question, Instant.EPOCH);
        return translator.translate(TranslationRequest.first(q, CRM, List.of()));
    }

    @Test
    void aCountOfTheTermsTableTakesItsConditionAndSaysSo() {
        var sql = (Translation.Sql) translate("How many active clients are there?");

        assertThat(sql.sql()).isEqualTo("SELECT count(*) AS count FROM clients WHERE (NOT clients.churned)");
        assertThat(sql.translator()).isEqualTo(WithKnowledge.TERMS);
        assertThat(sql.source()).isEqualTo(new SqlSource(SqlSource.RULES, "t-active", null,
                "'active client' taken as: a client that has not churned"));
        assertThat(sql.understanding().understood()).first()
                .isEqualTo("'active client' taken as: a client that has not churned");
        assertThat(sql.understanding().understood()).contains("a count of clients");
        assertThat(sql.understanding().assumed()).first().isEqualTo("'active client' means a client that has not churned");
    }

    @Test
    void aSynonymWithAFilterOfItsOwnKeepsBoth() {
        var sql = sql("how many live customers are there per city");

        assertThat(sql.sql()).contains("GROUP BY").contains("(NOT clients.churned)").startsWith("SELECT");
        assertThat(sql.source().entryId()).isEqualTo("t-active");
    }

    @Test
    void anotherTablesRowsOfTheTermsRowsTakeItThroughTheKey() {
        var sql = sql("total invoice amount per active client");

        assertThat(sql.source().entryId()).isEqualTo("t-active");
        assertThat(sql.sql()).contains("IN (SELECT id FROM clients WHERE NOT clients.churned)");
    }

    @Test
    void aQuestionNotNamingTheTermIsTheRulesAlone() {
        var sql = (Translation.Sql) translate("How many clients are there?");

        assertThat(sql.translator()).isEqualTo(OfflineTranslator.INFO);
        assertThat(sql.sql()).doesNotContain("churned");
    }

    @Test
    void placesTheConditionOnlyWhereTheSqlReadsTheTableOnce() {
        var reading = ConditionTerms.reading("active clients", List.of(ACTIVE), CRM).orElseThrow();

        assertThat(reading.question()).isEqualTo("clients");
        assertThat(ConditionTerms.apply("SELECT count(*) FROM clients WHERE city = 'Berlin'", reading))
                .contains("SELECT count(*) FROM clients WHERE (city = 'Berlin') AND (NOT clients.churned)");
        assertThat(ConditionTerms.apply("SELECT c.name FROM clients c JOIN invoices i ON i.client_id = c.id", reading))
                .contains("SELECT c.name FROM clients c JOIN invoices i ON i.client_id = c.id "
                        + "WHERE (c.id IN (SELECT id FROM clients WHERE NOT clients.churned))");
        assertThat(ConditionTerms.apply("SELECT i.id FROM invoices i LEFT JOIN clients c ON c.id = i.client_id", reading))
                .hasValueSatisfying(s -> assertThat(s).contains("ON (c.id = i.client_id) AND (c.id IN (SELECT"));
        assertThat(ConditionTerms.apply("SELECT count(*) FROM invoices", reading)).isEmpty();
        assertThat(ConditionTerms.apply("SELECT a.id FROM clients a JOIN clients b ON a.id = b.id", reading)).isEmpty();
        assertThat(ConditionTerms.apply("SELECT 1 FROM clients UNION SELECT 2 FROM clients", reading)).isEmpty();
    }

    @Test
    void aTermThatIsNotOneConditionIsNoReading() {
        var measure = KnowledgeEntry.term("crm", "t-m", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH, "billing",
                List.of(), null, "sum(invoices.amount)", KnowledgeEntry.MEASURE, "invoices");
        var nowhere = KnowledgeEntry.term("crm", "t-x", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH, "vip",
                List.of(), null, "x > 1", KnowledgeEntry.CONDITION, "ghosts");
        var sneaky = KnowledgeEntry.term("crm", "t-s", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH, "vip",
                List.of(), null, "true) OR (1 = 1", KnowledgeEntry.CONDITION, "clients");

        assertThat(ConditionTerms.reading("billing", List.of(measure), CRM)).isEmpty();
        assertThat(ConditionTerms.reading("vip", List.of(nowhere), CRM)).isEmpty();
        assertThat(ConditionTerms.reading("vip clients", List.of(ACTIVE, sneaky), CRM)).isEmpty();
        assertThat(ConditionTerms.apply("SELECT count(*) FROM clients",
                ConditionTerms.reading("vip", List.of(sneaky), CRM).orElseThrow())).isEmpty();
    }
}
