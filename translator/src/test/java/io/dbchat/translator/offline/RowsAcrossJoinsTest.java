package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static io.dbchat.translator.offline.Schemas.check;
import static io.dbchat.translator.offline.Schemas.col;
import static io.dbchat.translator.offline.Schemas.fk;
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
 * Rows asked about across joins, on two small schemas written here that no rule was written for (a sea port and a
 * plant nursery): distinct counts of the rows named after "different" (never of a column a verb happens to name:
 * "docked" and docking_fee), rankings by a count of the rows of one kind ("the most failed inspections"),
 * groups of a column two tables away ("which flag has had the most inspections"), "each of our", a noun phrase broken down "by" a kind of its rows ("vessels by flag", never by a number), and
 * superlatives over a column of the rows that belong to each ranked row (a total, a highest, a latest).
 */
class RowsAcrossJoinsTest {

    /** A sea port: vessels call at berths; inspectors inspect the calls. */
    static final SchemaSnapshot PORT = new SchemaSnapshot(1, "port", "v-1", Instant.EPOCH, List.of(
            table("berths", null, List.of(col("id", "integer"), col("name", "text", "North Quay", "Oil Jetty")), List.of()),
            table("vessels", null, List.of(col("id", "integer"), col("name", "text"), col("flag", "text", "Malta", "Panama"),
                    col("built_year", "integer")), List.of()),
            table("inspectors", null, List.of(col("id", "integer"), col("full_name", "text"), col("joined_on", "date")), List.of()),
            table("calls", null, List.of(col("id", "integer"), col("vessel_id", "integer"), col("berth_id", "integer"),
                    col("arrived_at", "timestamp"), col("tonnage", "numeric(10,1)"), col("docking_fee", "numeric(10,2)")),
                    List.of(fk("vessel_id", "vessels"), fk("berth_id", "berths"))),
            table("inspections", null, List.of(col("id", "integer"), col("call_id", "integer"), col("inspector_id", "integer"),
                    check("result", "passed", "failed", "waived"), col("fee", "numeric(8,2)")),
                    List.of(fk("call_id", "calls"), fk("inspector_id", "inspectors")))));

    /** A plant nursery: growers supply plants, sold in batches to garden shops. */
    static final SchemaSnapshot NURSERY = new SchemaSnapshot(1, "nursery", "v-1", Instant.EPOCH, List.of(
            table("growers", null, List.of(col("id", "integer"), col("name", "text"), col("region", "text", "Kent", "Devon")), List.of()),
            table("shops", null, List.of(col("id", "integer"), col("name", "text", "Oakfield", "Millbrook"),
                    col("town", "text", "Bath", "Wells")), List.of()),
            table("plants", null, List.of(col("id", "integer"), col("name", "text"), col("grower_id", "integer"),
                    col("hardy", "boolean"), col("price", "numeric(8,2)")), List.of(fk("grower_id", "growers"))),
            table("batches", null, List.of(col("id", "integer"), col("plant_id", "integer"), col("shop_id", "integer"),
                    col("sent_on", "date"), col("quantity", "integer"), col("shipping_cost", "numeric(8,2)"),
                    check("state", "delivered", "returned", "lost"), col("insured", "boolean")),
                    List.of(fk("plant_id", "plants"), fk("shop_id", "shops")))));

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "distinct rows|PORT|How many different vessels have docked at North Quay?|ASK 'docked'",
            "distinct rows|NURSERY|How many different plants have been shipped to Oakfield?|ASK 'shipped'",
            "distinct rows|PORT|How many different flags have called at North Quay?|SELECT count(DISTINCT v.flag) AS count FROM calls c JOIN berths b ON c.berth_id = b.id JOIN vessels v ON c.vessel_id = v.id WHERE b.name = 'North Quay'",
            "distinct rows|NURSERY|How many different shops have been shipped hardy plants?|ASK 'shipped'",
            "kind of counted rows|PORT|Which inspector has carried out the most failed inspections?|SELECT i.full_name, count(i2.id) AS count FROM inspectors i LEFT JOIN inspections i2 ON i2.inspector_id = i.id AND i2.result = 'failed' GROUP BY i.id, i.full_name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1 -- ignored [carried]",
            "kind of counted rows|PORT|Which berth has had the most failed inspections?|SELECT b.name, count(i.id) AS count FROM berths b LEFT JOIN calls c ON c.berth_id = b.id LEFT JOIN inspections i ON i.call_id = c.id AND i.result = 'failed' GROUP BY b.id, b.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "kind of counted rows|NURSERY|Which grower has the most hardy plants?|SELECT g.name, count(p.id) AS count FROM growers g LEFT JOIN plants p ON p.grower_id = g.id AND p.hardy GROUP BY g.id, g.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "kind of counted rows|NURSERY|Which grower has the most insured batches?|SELECT g.name, count(b.id) AS count FROM growers g LEFT JOIN plants p ON p.grower_id = g.id LEFT JOIN batches b ON b.plant_id = p.id AND b.insured GROUP BY g.id, g.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "kind of counted rows|NURSERY|Which grower has the most returned batches?|SELECT g.name, count(b.id) AS count FROM growers g LEFT JOIN plants p ON p.grower_id = g.id LEFT JOIN batches b ON b.plant_id = p.id AND b.state = 'returned' GROUP BY g.id, g.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "kind of counted rows|NURSERY|Which plant has had the most returned batches?|SELECT p.name, count(b.id) AS count FROM plants p LEFT JOIN batches b ON b.plant_id = p.id AND b.state = 'returned' GROUP BY p.id, p.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "kind of counted rows|NURSERY|Which shop has received the fewest lost batches?|SELECT s.name, count(b.id) AS count FROM shops s LEFT JOIN batches b ON b.shop_id = s.id AND b.state = 'lost' GROUP BY s.id, s.name ORDER BY 2 NULLS LAST, 1 LIMIT 1 -- ignored [received]",
            "group two tables away|PORT|Which flag has had the most inspections?|SELECT v.flag AS flag, count(*) AS count FROM inspections i JOIN calls c ON i.call_id = c.id JOIN vessels v ON c.vessel_id = v.id GROUP BY v.flag ORDER BY 2 DESC, 1 LIMIT 1",
            "group two tables away|PORT|What are the top 2 flags by number of inspections?|SELECT v.flag AS flag, count(*) AS count FROM inspections i JOIN calls c ON i.call_id = c.id JOIN vessels v ON c.vessel_id = v.id GROUP BY v.flag ORDER BY 2 DESC, 1 LIMIT 2",
            "group two tables away|NURSERY|Which region has had the most batches?|SELECT g.region AS region, count(*) AS count FROM batches b JOIN plants p ON b.plant_id = p.id JOIN growers g ON p.grower_id = g.id GROUP BY g.region ORDER BY 2 DESC, 1 LIMIT 1",
            "group two tables away|NURSERY|What are the top 2 regions by number of batches?|SELECT g.region AS region, count(*) AS count FROM batches b JOIN plants p ON b.plant_id = p.id JOIN growers g ON p.grower_id = g.id GROUP BY g.region ORDER BY 2 DESC, 1 LIMIT 2",
            "each of our|PORT|How many calls has each of our berths had?|SELECT b.name AS berth, count(c.id) AS count FROM berths b LEFT JOIN calls c ON c.berth_id = b.id GROUP BY b.id, b.name ORDER BY 1",
            "each of our|NURSERY|how many batches does each of the shops have|SELECT s.name AS shop, count(b.id) AS count FROM shops s LEFT JOIN batches b ON b.shop_id = s.id GROUP BY s.id, s.name ORDER BY 1",
            "breakdown|PORT|vessels by flag|SELECT flag AS flag, count(*) AS count FROM vessels GROUP BY flag ORDER BY 1",
            "breakdown|PORT|inspections by result|SELECT result AS result, count(*) AS count FROM inspections GROUP BY result ORDER BY 1",
            "breakdown|NURSERY|plants by grower|SELECT g.name AS grower, count(p.id) AS count FROM growers g LEFT JOIN plants p ON p.grower_id = g.id GROUP BY g.id, g.name ORDER BY 1",
            "breakdown|NURSERY|batch shipping costs by state|SELECT state AS state, sum(shipping_cost) AS sum_shipping_cost FROM batches GROUP BY state ORDER BY 1 -- assumed ['shipping costs' read as the total of shipping_cost per state, not a count of batches]",
            "breakdown|PORT|inspections by inspection result|SELECT result AS result, count(*) AS count FROM inspections GROUP BY result ORDER BY 1",
            "breakdown|PORT|call revenue by berth|ASK 'revenue'",
            "breakdown|PORT|vessels by built year|SELECT name, built_year FROM vessels LIMIT 1000",
            "breakdown|NURSERY|list the plants by grower|ASK 'grower'",
            "their rows' column|NURSERY|Which plants were sent in the largest quantities?|SELECT p.name, coalesce(sum(b.quantity), 0) AS sum_quantity FROM plants p LEFT JOIN batches b ON b.plant_id = p.id GROUP BY p.id, p.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1 -- assumed ['largest quantities' read as the total quantity of the batches of each of the plants]",
            "their rows' column|NURSERY|Which 3 plants had the biggest shipping costs?|SELECT p.name, coalesce(sum(b.shipping_cost), 0) AS sum_shipping_cost FROM plants p LEFT JOIN batches b ON b.plant_id = p.id GROUP BY p.id, p.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 3 -- assumed ['biggest shipping costs' read as the total shipping_cost of the batches of each of the plants]",
            "their rows' column|PORT|Which vessel has paid the most in docking fees?|SELECT v.name, coalesce(sum(c.docking_fee), 0) AS sum_docking_fee FROM vessels v LEFT JOIN calls c ON c.vessel_id = v.id GROUP BY v.id, v.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1 -- ignored [paid]",
            "their rows' column|PORT|Which berth has seen the largest tonnage?|SELECT b.name, max(c.tonnage) AS max_tonnage FROM berths b JOIN calls c ON c.berth_id = b.id GROUP BY b.id, b.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1 -- ignored [seen] -- assumed ['largest tonnage' read as the highest tonnage of the calls of each of the berths]",
            "their rows' column|PORT|Which inspector has the lowest fee?|SELECT i.full_name, min(i2.fee) AS min_fee FROM inspectors i JOIN inspections i2 ON i2.inspector_id = i.id GROUP BY i.id, i.full_name ORDER BY 2 NULLS LAST, 1 LIMIT 1 -- assumed ['lowest fee' read as the lowest fee of the inspections of each of the inspectors]",
            "their rows' column|PORT|Which 2 vessels had the earliest arrival?|SELECT v.name, min(c.arrived_at) AS min_arrived_at FROM vessels v JOIN calls c ON c.vessel_id = v.id GROUP BY v.id, v.name ORDER BY 2 NULLS LAST, 1 LIMIT 2 -- assumed ['earliest arrival' read as the earliest arrived_at of the calls of each of the vessels]",
            "their rows' column|PORT|Which berth had the most recent arrival?|SELECT b.name, max(c.arrived_at) AS max_arrived_at FROM berths b JOIN calls c ON c.berth_id = b.id GROUP BY b.id, b.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1 -- assumed ['most recent arrival' read as the latest arrived_at of the calls of each of the berths]"})
    void answersEachShape(String shape, String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    /** The SQL with the words it ignored and the readings it assumed, or "ASK" and the first word it asks about. */
    private String sqlOf(String question, String schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), "PORT".equals(schema) ? PORT : NURSERY, List.of()));
        if (t instanceof Translation.Sql sql) {
            return sql.sql() + (sql.understanding().ignored().isEmpty() ? "" : " -- ignored " + sql.understanding().ignored())
                    + (sql.understanding().assumed().isEmpty() ? "" : " -- assumed " + sql.understanding().assumed());
        }
        String message = ((Translation.Refusal) t).problem().message();
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("I did not understand ('[^']*')").matcher(message);
        return word.find() ? "ASK " + word.group(1) : message;
    }
}
