package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words only the catalog explains ({@link Glosses}), rows whose end is not set yet, and common synonyms of table names,
 * on two schemas no evaluation set uses: a tool-hire depot and an allotment society.
 */
class CatalogWordsTest {

    private static final SchemaSnapshot TOOL_HIRE = new SchemaSnapshot(1, "toolhire", "v-1", Instant.EPOCH, List.of(
            Schemas.table("customers", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text"),
                    Schemas.col("city", "text"),
                    commented(Schemas.col("trade_terms", "boolean"), "true when the customer pays monthly on credit"),
                    commented(Schemas.col("checked", "boolean"), "true once the customer's identity was verified or vouched for")), List.of()),
            Schemas.table("tools", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text"),
                    Schemas.check("category", "power", "hand", "garden"),
                    commented(Schemas.check("condition", "ok", "needs_repair", "written_off"),
                            "needs_repair: waiting for the workshop; written_off: scrapped, beyond repair")), List.of()),
            Schemas.table("hires", null, List.of(Schemas.col("id", "integer"), Schemas.col("tool_id", "integer"),
                    Schemas.col("customer_id", "integer"), Schemas.col("hired_on", "date"),
                    commented(Schemas.nullable("returned_on", "date"), "date the tool came back to the depot; null while it is away on site"),
                    Schemas.nullable("invoiced_on", "date")),
                    List.of(Schemas.fk("tool_id", "tools"), Schemas.fk("customer_id", "customers")))));

    private static final SchemaSnapshot ALLOTMENTS = new SchemaSnapshot(1, "allotments", "v-1", Instant.EPOCH, List.of(
            Schemas.table("plots", null, List.of(Schemas.col("id", "integer"), Schemas.col("site", "text"),
                    Schemas.col("rent", "numeric"), Schemas.check("state", "let", "vacant", "booked")), List.of()),
            Schemas.table("tenants", null, List.of(Schemas.col("id", "integer"), Schemas.col("full_name", "text"),
                    Schemas.col("joined_on", "date"), Schemas.nullable("left_on", "date"),
                    commented(Schemas.col("waiting", "boolean"), "true while the person waits for a plot and rents none"),
                    commented(Schemas.nullable("plot_id", "integer"), "null for a social member, who rents nothing")),
                    List.of(Schemas.fk("plot_id", "plots"))),
            Schemas.table("inspections", null, List.of(Schemas.col("id", "integer"), Schemas.col("plot_id", "integer"),
                    Schemas.col("inspected_on", "date"), commented(Schemas.nullable("score", "numeric"), "points out of 20, null until scored"),
                    commented(Schemas.check("outcome", "pass", "warning", "fail"), "fail: a final-notice letter was sent")),
                    List.of(Schemas.fk("plot_id", "plots"))),
            Schemas.table("enrollments", null, List.of(Schemas.col("id", "integer"), Schemas.col("tenant_id", "integer"),
                    Schemas.col("course", "text")), List.of(Schemas.fk("tenant_id", "tenants")))));

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @Test
    void aWordOfAValuesGlossReadsAsThatValueAndSaysSo() {
        Translation.Sql tools = sql("How many tools are waiting for the workshop?", TOOL_HIRE);
        assertThat(tools.sql()).isEqualTo("SELECT count(*) AS count FROM tools WHERE condition = 'needs_repair'");
        assertThat(tools.understanding().assumed()).anyMatch(a -> a.contains("condition = 'needs_repair'")
                && a.contains("comment on tools.condition"));

        assertThat(sql("Which tools have been scrapped?", TOOL_HIRE).sql()).contains("WHERE condition = 'written_off'");
        assertThat(sql("How many final-notice inspections were there?", ALLOTMENTS).sql())
                .isEqualTo("SELECT count(*) AS count FROM inspections WHERE outcome = 'fail'");
    }

    @Test
    void aFlagsGlossReadsAsTheFlagAndANegationBeforeItDenies() {
        assertThat(sql("Which customers pay on credit?", TOOL_HIRE).sql()).contains("WHERE trade_terms");
        assertThat(sql("How many tenants are waiting for a plot?", ALLOTMENTS).sql())
                .isEqualTo("SELECT count(*) AS count FROM tenants WHERE waiting");
        assertThat(sql("How many tenants haven't been waiting for a plot?", ALLOTMENTS).sql())
                .isEqualTo("SELECT count(*) AS count FROM tenants WHERE NOT waiting");
    }

    @Test
    void whatAnEmptyColumnMeansIsReadFromItsComment() {
        assertThat(sql("How many hires are away on site?", TOOL_HIRE).sql())
                .isEqualTo("SELECT count(*) AS count FROM hires WHERE returned_on IS NULL");
        assertThat(sql("How many social tenants are there?", ALLOTMENTS).sql())
                .isEqualTo("SELECT count(*) AS count FROM tenants WHERE plot_id IS NULL");
    }

    @Test
    void nullUntilTellsWhenTheColumnIsSet() {
        assertThat(sql("What is the average score of inspections that have been scored?", ALLOTMENTS).sql())
                .contains("WHERE score IS NOT NULL");
    }

    @Test
    void twoWordsForOneFlagAfterADenialDenyItOnce() {
        assertThat(sql("Which customers haven't been verified or vouched for?", TOOL_HIRE).sql()).contains("WHERE NOT checked");
    }

    @Test
    void stillReadsTheOneEndDateAsNotSetYet() {
        Translation.Sql hires = sql("How many hires are still out?", TOOL_HIRE);
        assertThat(hires.sql()).isEqualTo("SELECT count(*) AS count FROM hires WHERE returned_on IS NULL");
        assertThat(hires.understanding().assumed()).anyMatch(a -> a.contains("returned_on empty"));

        assertThat(sql("Which tenants are still with us?", ALLOTMENTS).sql()).contains("WHERE left_on IS NULL");
    }

    @Test
    void unBeforeTheVerbOfANullableDateReadsItAsNotSet() {
        assertThat(sql("How many hires are uninvoiced?", TOOL_HIRE).sql())
                .isEqualTo("SELECT count(*) AS count FROM hires WHERE invoiced_on IS NULL");
        assertThat(sql("How many tenants are unjoined?", ALLOTMENTS).sql()).doesNotContain("joined_on IS NULL");  // not nullable
    }

    @Test
    void aWordThatOnlyResemblesAValueAfterAPossessiveIsNotThatValue() {
        assertThat(sql("How many tenants do we have on our books?", ALLOTMENTS).sql())
                .isEqualTo("SELECT count(*) AS count FROM tenants");
        assertThat(sql("How many plots are booked?", ALLOTMENTS).sql()).contains("state = 'booked'");
    }

    @Test
    void commonSynonymsNameTheTables() {
        assertThat(sql("How many accounts do we have?", TOOL_HIRE).sql()).isEqualTo("SELECT count(*) AS count FROM customers");
        assertThat(sql("How many registrations are there?", ALLOTMENTS).sql()).isEqualTo("SELECT count(*) AS count FROM enrollments");
    }

    private static ColumnSchema commented(ColumnSchema c, String comment) {
        return Schemas.commented(c, comment);
    }

    private Translation.Sql sql(String question, SchemaSnapshot schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), schema, List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        return (Translation.Sql) t;
    }
}
