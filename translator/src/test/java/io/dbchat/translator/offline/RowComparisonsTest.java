package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static io.dbchat.translator.offline.Schemas.check;
import static io.dbchat.translator.offline.Schemas.col;
import static io.dbchat.translator.offline.Schemas.fk;
import static io.dbchat.translator.offline.Schemas.nullable;
import static io.dbchat.translator.offline.Schemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Comparisons within a row and durations, on two small schemas written for these tests (a tool library and a freight
 * carrier) that appear in no evaluation set.
 */
class RowComparisonsTest {

    /** A tool library: loans with a due date, staff of branches that opened on a date, tools with a list price. */
    static final SchemaSnapshot TOOLSHED = new SchemaSnapshot(1, "toolshed", "v-1", Instant.EPOCH, List.of(
            table("members", null, List.of(col("id", "integer"), col("full_name", "text"), col("joined_on", "date")), List.of()),
            table("branches", null, List.of(col("id", "integer"), col("name", "text"), col("opened_on", "date")), List.of()),
            table("staff", null, List.of(col("id", "integer"), col("full_name", "text"), col("branch_id", "integer"),
                    col("started_on", "date"), col("hourly_rate", "numeric(8,2)")), List.of(fk("branch_id", "branches"))),
            table("tools", null, List.of(col("id", "integer"), col("name", "text"), check("category", "drill", "saw", "ladder"),
                    col("list_price", "numeric(10,2)"), col("bought_on", "date")), List.of()),
            table("loans", null, List.of(col("id", "integer"), col("tool_id", "integer"), col("member_id", "integer"),
                    col("lent_on", "date"), col("due_on", "date"), nullable("returned_on", "date"), col("fee", "numeric(8,2)"),
                    col("deposit", "numeric(8,2)")), List.of(fk("tool_id", "tools"), fk("member_id", "members")))));

    /** A freight carrier: consignments booked at a moment, promised for a day, delivered at a moment, on a service. */
    static final SchemaSnapshot FREIGHT = new SchemaSnapshot(1, "freight", "v-1", Instant.EPOCH, List.of(
            table("customers", null, List.of(col("id", "integer"), col("name", "text"), col("credit_limit", "numeric(12,2)")), List.of()),
            table("services", null, List.of(col("id", "integer"), col("name", "text"), col("base_charge", "numeric(10,2)")), List.of()),
            table("consignments", null, List.of(col("id", "integer"), col("customer_id", "integer"), col("service_id", "integer"),
                    col("booked_at", "timestamp"), col("promised_on", "date"), nullable("delivered_at", "timestamp"),
                    col("charge", "numeric(10,2)"), col("weight_kg", "numeric(8,1)"), check("status", "booked", "delivered", "lost")),
                    List.of(fk("customer_id", "customers"), fk("service_id", "services"))),
            table("contracts", null, List.of(col("id", "integer"), col("customer_id", "integer"), col("starts_on", "date"),
                    nullable("ends_on", "date"), col("monthly_fee", "numeric(10,2)")), List.of(fk("customer_id", "customers")))));

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    /**
     * Each rule by its first word: compare (one column against another of the row, or of the row it points at; the
     * column before the cue named or implied), duration (the row's span from its one start date to its one end date;
     * days late from its due date to the event's, over the late rows; two dates named, the one left empty until its
     * event last; two dates of the rows the main table's rows lead to).
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "compare|TOOLSHED|Which loans were returned after their due date?|SELECT id, tool_id, member_id, lent_on, due_on, returned_on, fee, deposit FROM loans WHERE returned_on > due_on LIMIT 1000",
            "compare|FREIGHT|Which consignments were delivered after their promised date?|SELECT id, customer_id, service_id, booked_at, promised_on, delivered_at, charge, weight_kg, status FROM consignments WHERE delivered_at > promised_on LIMIT 1000",
            "compare|TOOLSHED|Which staff started before their branch opened?|SELECT s.id, s.full_name, s.branch_id, s.started_on, s.hourly_rate FROM staff s JOIN branches b ON s.branch_id = b.id WHERE s.started_on < b.opened_on LIMIT 1000",
            "compare|FREIGHT|Which consignments were charged below the service's base charge?|SELECT c.id, c.customer_id, c.service_id, c.booked_at, c.promised_on, c.delivered_at, c.charge, c.weight_kg, c.status FROM consignments c JOIN services s ON c.service_id = s.id WHERE c.charge < s.base_charge LIMIT 1000",
            "compare|TOOLSHED|Which loans had a fee above the tool's list price?|SELECT l.id, l.tool_id, l.member_id, l.lent_on, l.due_on, l.returned_on, l.fee, l.deposit FROM loans l JOIN tools t ON l.tool_id = t.id WHERE l.fee > t.list_price LIMIT 1000",
            "compare|TOOLSHED|Which loans have a larger deposit than their fee?|SELECT id, tool_id, member_id, lent_on, due_on, returned_on, fee, deposit FROM loans WHERE deposit > fee LIMIT 1000",
            "duration|TOOLSHED|How long does a loan run on average, in days?|SELECT avg((returned_on - lent_on)) AS avg_days FROM loans",
            "duration|FREIGHT|How long does a contract last on average?|SELECT avg((ends_on - starts_on)) AS avg_days FROM contracts",
            "duration|FREIGHT|On average, how many days late are consignments delivered?|SELECT avg(extract(epoch FROM (delivered_at - promised_on)) / 86400) AS avg_days FROM consignments WHERE delivered_at > promised_on",
            "duration|TOOLSHED|how many days late is a loan returned on average|SELECT avg((returned_on - due_on)) AS avg_days FROM loans WHERE returned_on > due_on",
            "duration|FREIGHT|On average, how many hours does it take to deliver a consignment once it is booked?|SELECT avg(extract(epoch FROM (delivered_at - booked_at)) / 3600) AS avg_hours FROM consignments",
            "duration|FREIGHT|On average how many hours after booking do customers get their consignments delivered?|SELECT avg(extract(epoch FROM (c2.delivered_at - c2.booked_at)) / 3600) AS avg_hours FROM customers c JOIN consignments c2 ON c2.customer_id = c.id"})
    void answersEachShapeExactly(String rule, String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    /** A duration read from dates the question did not name says which dates it took. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "TOOLSHED|How long does a loan run on average, in days?|from lent_on to returned_on",
            "FREIGHT|How long does a contract last on average?|from starts_on to ends_on",
            "TOOLSHED|how many days late is a loan returned on average|from due_on to returned_on"})
    void statesTheDatesOfADuration(String schema, String question, String assumption) {
        Translation t = translate(question, schema);
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        assertThat(((Translation.Sql) t).understanding().assumed()).anyMatch(a -> a.contains(assumption));
    }

    /** A comparison or a duration whose other side or dates it cannot place is asked about, never guessed. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "TOOLSHED|Which loans were returned after the member moved?|after",
            "TOOLSHED|loans lent below list price|below",
            "TOOLSHED|How long do tools stay out on average before they come back, in days?|before",
            "FREIGHT|how many days late is a contract on average|late"})
    void asksBackWhenItCannotPlaceTheOtherSide(String schema, String question, String word) {
        Translation t = translate(question, schema);
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Refusal.class);
        assertThat(((Translation.Refusal) t).problem().message()).contains("'" + word + "'");
    }

    private Translation translate(String question, String schema) {
        return translator.translate(TranslationRequest.first(ask(question), snapshot(schema), List.of()));
    }

    private String sqlOf(String question, String schema) {
        Translation t = translate(question, schema);
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        assertThat(((Translation.Sql) t).understanding().ignored()).as(question + " -> " + t).isEmpty();
        return ((Translation.Sql) t).sql();
    }

    private static SchemaSnapshot snapshot(String name) {
        return "TOOLSHED".equals(name) ? TOOLSHED : FREIGHT;
    }
}
