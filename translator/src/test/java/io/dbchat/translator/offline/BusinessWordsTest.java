package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Business words read from the schema: a date compared with the date a clause names ("after they were promised"),
 * a flag denied through a verb ("don't have lamination", "no longer in commission"), a stored value or number denied
 * ("weren't cancelled", "not at berth 4"), a place denied ("outside York"), and comments written as "Y = …",
 * "FALSE => …", "C -> calm, R -> rough"; on two schemas no evaluation set uses: a print shop
 * and a ferry operator.
 */
class BusinessWordsTest {

    static final SchemaSnapshot PRINT_SHOP = new SchemaSnapshot(1, "printshop", "v-1", Instant.EPOCH, List.of(
            Schemas.table("customers", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text"),
                    Schemas.col("is_trade", "boolean"), Schemas.check("town", "Leeds", "York", "Hull"),
                    Schemas.check("country", "GB", "IE", "FR"),
                    Schemas.commented(Schemas.col("on_account", "boolean"), "Y = settles by monthly statement")), List.of()),
            Schemas.table("print_jobs", null, List.of(Schemas.col("id", "integer"), Schemas.col("customer_id", "integer"),
                    Schemas.col("title", "text"), Schemas.col("received_on", "date"), Schemas.col("promised_for", "date"),
                    Schemas.commented(Schemas.nullable("dispatched_on", "date"), "left the building (blank = not yet)"),
                    Schemas.col("quoted", "numeric"), Schemas.col("charged", "numeric"),
                    Schemas.check("stage", "artwork", "on_press", "finishing", "dispatched", "scrapped"),
                    Schemas.col("is_rush", "boolean"), Schemas.col("has_lamination", "boolean")),
                    List.of(Schemas.fk("customer_id", "customers")))));

    static final SchemaSnapshot FERRIES = new SchemaSnapshot(1, "ferries", "v-1", Instant.EPOCH, List.of(
            Schemas.table("vessels", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text"),
                    Schemas.commented(Schemas.col("in_commission", "boolean"), "FALSE => laid up for refit"),
                    Schemas.col("deck_count", "integer"), Schemas.col("car_capacity", "integer")), List.of()),
            Schemas.table("sailings", null, List.of(Schemas.col("id", "integer"), Schemas.col("vessel_id", "integer"),
                    Schemas.col("departs_at", "timestamp"), Schemas.col("due_in_at", "timestamp"),
                    Schemas.nullable("docked_at", "timestamp"), Schemas.col("cars_carried", "integer"),
                    Schemas.check("status", "scheduled", "sailed", "cancelled"), Schemas.col("is_overnight", "boolean"),
                    Schemas.col("berth", "integer"),
                    Schemas.commented(Schemas.check("sea_state", "C", "M", "R"), "C -> calm, M -> moderate, R -> rough crossing")),
                    List.of(Schemas.fk("vessel_id", "vessels")))));

    /** Sailings with two dates left empty until their event: when the crossing started late, and when it docked. */
    static final SchemaSnapshot FERRIES_WITH_END = new SchemaSnapshot(1, "ferries", "v-2", Instant.EPOCH, List.of(
            Schemas.table("sailings", null, List.of(Schemas.col("id", "integer"), Schemas.col("due_in_at", "timestamp"),
                    Schemas.nullable("cast_off_at", "timestamp"), Schemas.nullable("completed_at", "timestamp")), List.of())));

    static final SchemaSnapshot SHOP_FLOOR = new SchemaSnapshot(1, "shopfloor", "v-1", Instant.EPOCH, List.of(
            Schemas.table("stock_lines", null, List.of(Schemas.col("id", "integer"), Schemas.col("sku", "text"),
                    Schemas.commented(Schemas.col("in_stock", "boolean"), "shelf count above zero"),
                    Schemas.nullable("last_stocked_on", "date")), List.of())));

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @Test
    void aClauseAfterTheCueNamesTheRowsOwnColumnByItsVerb() {
        assertThat(sql("print jobs dispatched after they were promised", PRINT_SHOP).sql())
                .contains("WHERE dispatched_on > promised_for");
        assertThat(sql("Which jobs were received after they were promised?", PRINT_SHOP).sql())
                .contains("WHERE received_on > promised_for");
        assertThat(sql("jobs charged more than they were quoted", PRINT_SHOP).sql()).contains("WHERE charged > quoted");
        // the verb meets a name of several words, and "on a later day than" is the same comparison as "later than"
        assertThat(sql("sailings that docked after they were due in", FERRIES).sql()).contains("WHERE docked_at > due_in_at");
        assertThat(sql("Which sailings docked on a later day than they departed?", FERRIES).sql())
                .contains("WHERE docked_at > departs_at");
    }

    @Test
    void aVerbNamingNoColumnIsTheOneDateLeftEmptyUntilItHappensAndSaysSo() {
        Translation.Sql late = sql("Which jobs went out later than the date they were promised?", PRINT_SHOP);
        assertThat(late.sql()).contains("WHERE dispatched_on > promised_for");
        assertThat(late.understanding().assumed()).anyMatch(a -> a.startsWith("'went out later than the date they were promised'")
                && a.contains("dispatched_on"));
        // two dates may be left empty: the verb that ends a row picks the one whose name ends it
        Translation.Sql finished = sql("Which sailings finished later than they were due in?", FERRIES_WITH_END);
        assertThat(finished.sql()).contains("WHERE completed_at > due_in_at");
        assertThat(finished.understanding().assumed()).anyMatch(a -> a.contains("completed_at"));
    }

    @Test
    void aClauseWhoseVerbNamesNothingIsStillAskedAbout() {
        Translation t = translator.translate(TranslationRequest.first(ask("Which jobs were received after they were approved?"),
                PRINT_SHOP, List.of()));
        assertThat(t).isInstanceOf(Translation.Refusal.class);
    }

    @Test
    void aFlagIsDeniedAcrossTheVerbsBetween() {
        assertThat(sql("Which print jobs don't have lamination?", PRINT_SHOP).sql()).contains("WHERE NOT has_lamination");
        assertThat(sql("Which vessels are no longer in commission?", FERRIES).sql()).contains("WHERE NOT in_commission");
        assertThat(sql("customers that aren't on account", PRINT_SHOP).sql()).contains("WHERE NOT on_account");
        assertThat(sql("Which vessels are in commission?", FERRIES).sql()).contains("WHERE in_commission")
                .doesNotContain("NOT");
    }

    @Test
    void outOfIsTheOppositeOfAFlagNamedIn() {
        assertThat(sql("Which vessels are out of commission?", FERRIES).sql()).contains("WHERE NOT in_commission");
        assertThat(sql("how many stock lines are out of stock", SHOP_FLOOR).sql())
                .isEqualTo("SELECT count(*) AS count FROM stock_lines WHERE NOT in_stock");
        assertThat(sql("Which vessels are in commission?", FERRIES).sql()).doesNotContain("NOT");
    }

    @Test
    void aDeniedStoredValueOfTheRowsIsExcluded() {
        assertThat(sql("Which sailings weren't cancelled?", FERRIES).sql()).contains("WHERE status <> 'cancelled'");
        assertThat(sql("print jobs that haven't been scrapped", PRINT_SHOP).sql()).contains("WHERE stage <> 'scrapped'");
        assertThat(sql("Which sailings are not at berth 4?", FERRIES).sql()).contains("WHERE berth <> 4");
        assertThat(sql("Which sailings are at berth 4?", FERRIES).sql()).contains("WHERE berth = 4");
    }

    @Test
    void outsideAPlaceIsAnyOtherPlace() {
        assertThat(sql("customers outside York", PRINT_SHOP).sql()).contains("WHERE town <> 'York'");
        Translation.Sql abroad = sql("How many customers are outside Ireland?", PRINT_SHOP);
        assertThat(abroad.sql()).isEqualTo("SELECT count(*) AS count FROM customers WHERE country <> 'IE'");
        assertThat(abroad.understanding().assumed()).contains("'outside Ireland' read as country <> 'IE'");
        assertThat(sql("How many customers are not in France?", PRINT_SHOP).sql()).contains("WHERE country <> 'FR'");
        assertThat(sql("How many customers are in France?", PRINT_SHOP).sql()).contains("WHERE country = 'FR'");
    }

    @Test
    void commentsInOtherStylesGlossFlagsAndValues() {
        Translation.Sql laidUp = sql("Which vessels are laid up?", FERRIES);
        assertThat(laidUp.sql()).contains("WHERE NOT in_commission");
        assertThat(laidUp.understanding().assumed()).anyMatch(a -> a.contains("in_commission"));
        assertThat(sql("Which customers settle by monthly statement?", PRINT_SHOP).sql()).contains("WHERE on_account");
        assertThat(sql("How many sailings were rough?", FERRIES).sql())
                .isEqualTo("SELECT count(*) AS count FROM sailings WHERE sea_state = 'R'");
        assertThat(sql("How many calm sailings were there?", FERRIES).sql()).contains("WHERE sea_state = 'C'");
    }

    @Test
    void aClauseReadingIsStated() {
        assertThat(sql("print jobs dispatched after they were promised", PRINT_SHOP).understanding().assumed())
                .anyMatch(a -> a.contains("dispatched_on > print_jobs.promised_for"));
    }

    private Translation.Sql sql(String question, SchemaSnapshot schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), schema, List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        return (Translation.Sql) t;
    }
}
