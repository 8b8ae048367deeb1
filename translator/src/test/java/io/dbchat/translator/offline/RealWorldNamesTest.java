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
 * Names as real databases write them ({@link TablePrefix}, {@link Abbreviations}): a prefix shared by the tables,
 * singular table names, short column names a comment spells out or that only resemble the question's word, on two
 * schemas no evaluation set uses: an auction house and a seed warehouse.
 */
class RealWorldNamesTest {

    /** Prefixed singular tables, short column names explained by comments in several wordings. */
    private static final SchemaSnapshot AUCTION = new SchemaSnapshot(1, "auction", "v-1", Instant.EPOCH, List.of(
            Schemas.table("ah_sale", null, List.of(Schemas.col("id", "integer"), Schemas.col("title", "text"),
                    Schemas.commented(Schemas.col("sale_dt", "date"), "Date of the sale")), List.of()),
            Schemas.table("ah_lot", null, List.of(Schemas.col("id", "integer"), Schemas.col("sale_id", "integer"),
                    Schemas.col("title", "text"), Schemas.commented(Schemas.col("est_low_amt", "numeric(12,2)"), "Estimate low amount"),
                    Schemas.commented(Schemas.col("hmmr_prc", "numeric(12,2)"), "hammer price, in pounds"),
                    Schemas.commented(Schemas.check("stat_cd", "sold", "unsold", "withdrawn"), "The status code of the lot")),
                    List.of(Schemas.fk("sale_id", "ah_sale"))),
            Schemas.table("ah_bidder", null, List.of(Schemas.col("id", "integer"), Schemas.col("full_name", "text"),
                    Schemas.commented(Schemas.col("reg_no", "text"), "registration number"),
                    Schemas.commented(Schemas.col("brth_yr", "integer"), "Year of birth"),
                    Schemas.commented(Schemas.col("rcvd_dt", "date"), "rcvd_dt = received date")), List.of())));

    /** No comment at all: short names read by resemblance alone, and ORM columns. */
    private static final SchemaSnapshot SEEDS = new SchemaSnapshot(1, "seeds", "v-1", Instant.EPOCH, List.of(
            Schemas.table("tbl_supplier", null, List.of(Schemas.col("id", "integer"), Schemas.col("nm", "text"),
                    Schemas.col("is_active", "boolean"), Schemas.col("created_at", "timestamptz")), List.of()),
            Schemas.table("tbl_packet", null, List.of(Schemas.col("id", "integer"), Schemas.col("supplier_id", "integer"),
                    Schemas.col("variety", "text"), Schemas.col("qty", "integer"), Schemas.col("wght_grm", "numeric(8,1)"),
                    Schemas.col("is_organic", "boolean"), Schemas.col("packed_on", "date"),
                    Schemas.col("created_at", "timestamptz"), Schemas.nullable("deleted_at", "timestamptz")),
                    List.of(Schemas.fk("supplier_id", "tbl_supplier"))),
            Schemas.table("tbl_order_line", null, List.of(Schemas.col("id", "integer"), Schemas.col("packet_id", "integer"),
                    Schemas.col("qty", "integer"), Schemas.col("created_at", "timestamptz")),
                    List.of(Schemas.fk("packet_id", "tbl_packet")))));

    /** Singular tables an ORM manages: created_at, updated_at and deleted_at everywhere, a few commented short names. */
    private static final SchemaSnapshot GARAGE = new SchemaSnapshot(1, "garage", "v-1", Instant.EPOCH, List.of(
            Schemas.table("customer", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text"),
                    Schemas.col("created_at", "timestamptz"), Schemas.col("updated_at", "timestamptz"),
                    Schemas.nullable("deleted_at", "timestamptz")), List.of()),
            Schemas.table("mechanic", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text"),
                    Schemas.col("hired_on", "date"), Schemas.col("dob", "date"), Schemas.col("created_at", "timestamptz"),
                    Schemas.col("updated_at", "timestamptz"), Schemas.nullable("deleted_at", "timestamptz")), List.of()),
            Schemas.table("repair_job", null, List.of(Schemas.col("id", "integer"), Schemas.col("customer_id", "integer"),
                    Schemas.col("mechanic_id", "integer"), Schemas.col("booked_at", "timestamptz"),
                    Schemas.nullable("completed_at", "timestamptz"),
                    Schemas.commented(Schemas.col("lbr_hrs", "numeric(5,1)"), "Labour hours"),
                    Schemas.commented(Schemas.col("parts_amt", "numeric(10,2)"), "the parts amount charged, in euros"),
                    Schemas.col("created_at", "timestamptz"), Schemas.col("updated_at", "timestamptz"),
                    Schemas.nullable("deleted_at", "timestamptz")),
                    List.of(Schemas.fk("customer_id", "customer"), Schemas.fk("mechanic_id", "mechanic")))));

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @Test
    void aPrefixMostTablesShareIsANamingHabitNotAWord() {
        assertThat(TablePrefix.of(AUCTION)).containsExactly("ah");
        assertThat(TablePrefix.of(SEEDS)).containsExactly("tbl");
        assertThat(TablePrefix.of(Schemas.CONSULTANCY)).isEmpty();
        assertThat(TablePrefix.of(Schemas.HOTEL)).isEmpty();

        assertThat(sql("How many lots are there?", AUCTION).sql()).isEqualTo("SELECT count(*) AS count FROM ah_lot");
        assertThat(sql("How many bidders do we have?", AUCTION).sql()).isEqualTo("SELECT count(*) AS count FROM ah_bidder");
        assertThat(sql("How many order lines are there?", SEEDS).sql()).isEqualTo("SELECT count(*) AS count FROM tbl_order_line");
        assertThat(sql("How many suppliers are there?", SEEDS).sql()).isEqualTo("SELECT count(*) AS count FROM tbl_supplier");
    }

    @Test
    void aShortNameIsReadThroughTheWordsItsCommentSpellsOut() {
        assertThat(Abbreviations.fromComment("rcvd_dt", "rcvd_dt = received date")).contains(List.of("received", "date"));
        assertThat(Abbreviations.fromComment("est_low_amt", "Estimate low amount")).contains(List.of("estimate", "low", "amount"));
        assertThat(Abbreviations.fromComment("hmmr_prc", "hammer price, in pounds")).contains(List.of("hammer", "price"));
        assertThat(Abbreviations.fromComment("stat_cd", "The status code of the lot")).contains(List.of("status", "code"));
        assertThat(Abbreviations.fromComment("gallery_id", "room where the work hangs")).isEmpty();
        assertThat(Abbreviations.fromComment("shpng_fee", "what the customer pays")).isEmpty();

        Translation.Sql hammer = sql("What is the average hammer price of the lots?", AUCTION);
        assertThat(hammer.sql()).isEqualTo("SELECT avg(hmmr_prc) AS avg_hmmr_prc FROM ah_lot");
        assertThat(sql("What is the total low estimate amount of all lots?", AUCTION).sql()).contains("sum(est_low_amt)");
        assertThat(sql("List the bidders by registration number", AUCTION).sql()).contains("reg_no");
        assertThat(sql("How many bidders were received in 2025?", AUCTION).sql()).contains("rcvd_dt");
    }

    @Test
    void aShortNameOnlyResemblingTheWordIsAGuessAndSaysSo() {
        assertThat(Abbreviations.shortens("wght", "weight")).isTrue();
        assertThat(Abbreviations.shortens("qty", "quantity")).isTrue();
        assertThat(Abbreviations.shortens("shpng", "shipping")).isTrue();
        assertThat(Abbreviations.shortens("end", "ended")).isFalse();  // a word of its own
        assertThat(Abbreviations.shortens("lst", "list")).isFalse();  // too short a word to guess at
        assertThat(Abbreviations.shortens("cnt", "count")).isTrue();
        assertThat(Abbreviations.shortens("tot", "total")).isFalse();  // the operation, not a column
        assertThat(Abbreviations.shortens("nm", "name")).isTrue();
        assertThat(Abbreviations.shortens("variety", "varieties")).isFalse();
        assertThat(Abbreviations.shortens("qty", "quality")).isFalse();
        assertThat(Abbreviations.shortens("wght", "width")).isFalse();

        Translation.Sql quantity = sql("What is the total quantity of all packets?", SEEDS);
        assertThat(quantity.sql()).isEqualTo("SELECT sum(qty) AS sum_qty FROM tbl_packet");
        assertThat(quantity.understanding().assumed()).anyMatch(a -> a.contains("'quantity' read as the column qty"));

        Translation.Sql weight = sql("What is the average weight of the packets?", SEEDS);
        assertThat(weight.sql()).isEqualTo("SELECT avg(wght_grm) AS avg_wght_grm FROM tbl_packet");
        assertThat(weight.understanding().assumed()).anyMatch(a -> a.contains("wght_grm") && a.contains("short name"));

        Translation.Sql names = sql("List the names of the suppliers", SEEDS);
        assertThat(names.sql()).isEqualTo("SELECT nm FROM tbl_supplier LIMIT 1000");
    }

    @Test
    void aShortNameIsReadThroughItsCommentOnASecondSchema() {
        assertThat(sql("What are the total labour hours of all repair jobs?", GARAGE).sql())
                .isEqualTo("SELECT sum(lbr_hrs) AS sum_lbr_hrs FROM repair_job");
        Translation.Sql parts = sql("What is the average parts amount of the repair jobs?", GARAGE);
        assertThat(parts.sql()).contains("avg(parts_amt)");
        assertThat(parts.understanding().assumed()).noneMatch(a -> a.contains("short name"));
    }

    @Test
    void theReadersThatLookForAKindOfColumnSeeTheSpelledOutWords() {
        assertThat(Abbreviations.fromComment("brth_yr", "Year of birth")).contains(List.of("birth", "year"));
        assertThat(Col.of(AUCTION.tables().get(2), AUCTION.tables().get(2).columns().get(3)).isYear()).isTrue();
        assertThat(sql("Which bidders were born after 1990?", AUCTION).sql()).contains("brth_yr");
        assertThat(sql("List the mechanics from the oldest to the youngest", GARAGE).sql()).contains("ORDER BY dob");
    }

    @Test
    void theTimestampsAnOrmAddsToEveryTableComeAfterTheTablesOwnDates() {
        assertThat(sql("List the packets from newest to oldest", SEEDS).sql()).contains("ORDER BY packed_on DESC");
        assertThat(sql("List the mechanics from the newest to the oldest", GARAGE).sql())
                .contains("ORDER BY hired_on DESC");
        // the table's own end, not the soft-delete marker
        assertThat(sql("How long does a repair job take on average, in hours?", GARAGE).sql())
                .contains("completed_at - booked_at").doesNotContain("deleted_at");
        // a table with no date of its own for the word still has its created_at
        assertThat(sql("List the customers from newest to oldest", GARAGE).sql()).contains("ORDER BY created_at DESC");
    }

    private Translation.Sql sql(String question, SchemaSnapshot schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), schema, List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        return (Translation.Sql) t;
    }
}
