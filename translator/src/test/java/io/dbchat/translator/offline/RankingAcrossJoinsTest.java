package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static io.dbchat.translator.offline.Schemas.check;
import static io.dbchat.translator.offline.Schemas.col;
import static io.dbchat.translator.offline.Schemas.fk;
import static io.dbchat.translator.offline.Schemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rankings and figures across joins, each on two small schemas written here that no rule was written for (a theatre
 * and an orchard cooperative): the path between two tables through the rows that relate them rather than a table both
 * point at, groups of a column of the table each ranked row points at, a table named by two words ("grower contracts"),
 * the rows a verb names ("harvested the most times"),
 * sums of a quantity two tables away, orders by a date from one end to the other, "starting with" an end, figures of
 * the rows' one amount.
 */
class RankingAcrossJoinsTest {

    /** A theatre: agencies book both actors and productions, actors are cast in productions through castings. */
    static final SchemaSnapshot THEATRE = new SchemaSnapshot(1, "theatre", "v-1", Instant.EPOCH, List.of(
            table("agencies", null, List.of(col("id", "integer"), col("name", "text")), List.of()),
            table("actors", null, List.of(col("id", "integer"), col("full_name", "text"), col("agency_id", "integer"),
                    col("born_on", "date")), List.of(fk("agency_id", "agencies"))),
            table("venues", null, List.of(col("id", "integer"), col("name", "text"), col("city", "text", "Leeds", "Hull")), List.of()),
            table("productions", null, List.of(col("id", "integer"), col("title", "text"), col("agency_id", "integer"),
                    col("venue_id", "integer"), check("genre", "musical", "drama", "farce"), col("language", "text", "English", "Welsh"),
                    col("opened_on", "date"), col("budget", "numeric(10,2)")),
                    List.of(fk("agency_id", "agencies"), fk("venue_id", "venues"))),
            table("castings", null, List.of(col("id", "integer"), col("actor_id", "integer"), col("production_id", "integer"),
                    col("role_name", "text")), List.of(fk("actor_id", "actors"), fk("production_id", "productions"))),
            table("performances", null, List.of(col("id", "integer"), col("production_id", "integer"), col("staged_on", "date"),
                    col("takings", "numeric(10,2)")), List.of(fk("production_id", "productions"))),
            table("patrons", null, List.of(col("id", "integer"), col("full_name", "text")), List.of()),
            table("tickets", null, List.of(col("id", "integer"), col("performance_id", "integer"), col("patron_id", "integer"),
                    col("price", "numeric(8,2)"), col("bought_at", "timestamp")),
                    List.of(fk("performance_id", "performances"), fk("patron_id", "patrons")))));

    /** An orchard cooperative: areas hold both buyers and growers, who deal through contracts. */
    static final SchemaSnapshot ORCHARD = new SchemaSnapshot(1, "orchard", "v-1", Instant.EPOCH, List.of(
            table("areas", null, List.of(col("id", "integer"), col("name", "text")), List.of()),
            table("buyers", null, List.of(col("id", "integer"), col("name", "text"), col("area_id", "integer")),
                    List.of(fk("area_id", "areas"))),
            table("growers", null, List.of(col("id", "integer"), col("name", "text"), col("area_id", "integer"),
                    col("joined_on", "date")), List.of(fk("area_id", "areas"))),
            table("contracts", null, List.of(col("id", "integer"), col("buyer_id", "integer"), col("grower_id", "integer"),
                    col("signed_on", "date"), col("price_per_tonne", "numeric(8,2)")),
                    List.of(fk("buyer_id", "buyers"), fk("grower_id", "growers"))),
            table("orchards", null, List.of(col("id", "integer"), col("grower_id", "integer"), col("name", "text"),
                    col("soil", "text", "clay", "loam")), List.of(fk("grower_id", "growers"))),
            table("varieties", null, List.of(col("id", "integer"), col("name", "text"), check("fruit", "apple", "pear", "plum"),
                    col("colour", "text", "red", "green")), List.of()),
            table("harvests", null, List.of(col("id", "integer"), col("orchard_id", "integer"), col("variety_id", "integer"),
                    col("picked_on", "date"), col("tonnes", "numeric(8,2)")),
                    List.of(fk("orchard_id", "orchards"), fk("variety_id", "varieties"))),
            table("sales", null, List.of(col("id", "integer"), col("harvest_id", "integer"), col("buyer_id", "integer"),
                    col("sold_on", "date"), col("amount", "numeric(10,2)")),
                    List.of(fk("harvest_id", "harvests"), fk("buyer_id", "buyers")))));

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "link path|THEATRE|How many different actors have been cast in musical productions?|SELECT count(DISTINCT a.id) AS count FROM actors a JOIN castings c ON c.actor_id = a.id JOIN productions p ON c.production_id = p.id WHERE p.genre = 'musical' -- ignored [cast, productions]",
            "group of owner|THEATRE|Which genre has the most performances?|SELECT p2.genre AS genre, count(*) AS count FROM performances p JOIN productions p2 ON p.production_id = p2.id GROUP BY p2.genre ORDER BY 2 DESC, 1 LIMIT 1",
            "group of owner|ORCHARD|Which fruit has the most harvests?|SELECT v.fruit AS fruit, count(*) AS count FROM harvests h JOIN varieties v ON h.variety_id = v.id GROUP BY v.fruit ORDER BY 2 DESC, 1 LIMIT 1",
            "group of owner|THEATRE|What are the top 2 languages by number of performances?|SELECT p2.language AS language, count(*) AS count FROM performances p JOIN productions p2 ON p.production_id = p2.id GROUP BY p2.language ORDER BY 2 DESC, 1 LIMIT 2",
            "group of owner|ORCHARD|What are the top 2 soils by number of harvests?|SELECT o.soil AS soil, count(*) AS count FROM harvests h JOIN orchards o ON h.orchard_id = o.id GROUP BY o.soil ORDER BY 2 DESC, 1 LIMIT 2",
            "value before group|THEATRE|top 2 musical languages by number of performances|SELECT p2.language AS language, count(*) AS count FROM performances p JOIN productions p2 ON p.production_id = p2.id WHERE p2.genre = 'musical' GROUP BY p2.language ORDER BY 2 DESC, 1 LIMIT 2",
            "value before group|ORCHARD|top 2 apple colours by number of harvests|SELECT v.colour AS colour, count(*) AS count FROM harvests h JOIN varieties v ON h.variety_id = v.id WHERE v.fruit = 'apple' GROUP BY v.colour ORDER BY 2 DESC, 1 LIMIT 2",
            "compound|THEATRE|Which patron has bought the most performance tickets?|SELECT p.full_name, count(t.id) AS count FROM patrons p LEFT JOIN tickets t ON t.patron_id = p.id GROUP BY p.id, p.full_name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "compound|ORCHARD|Which buyer has signed the most grower contracts?|SELECT b.name, count(c.id) AS count FROM buyers b LEFT JOIN contracts c ON c.buyer_id = b.id GROUP BY b.id, b.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1 -- ignored [signed]",
            "verb of the rows|THEATRE|Which production has been performed the most times?|SELECT p.title, count(p2.id) AS count FROM productions p LEFT JOIN performances p2 ON p2.production_id = p.id GROUP BY p.id, p.title ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "verb of the rows|ORCHARD|Which orchard has been harvested the most times?|SELECT o.name, count(h.id) AS count FROM orchards o LEFT JOIN harvests h ON h.orchard_id = o.id GROUP BY o.id, o.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "two hops|THEATRE|top 3 venues by total takings|SELECT v.name, coalesce(sum(p2.takings), 0) AS sum_takings FROM venues v LEFT JOIN productions p ON p.venue_id = v.id LEFT JOIN performances p2 ON p2.production_id = p.id GROUP BY v.id, v.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 3",
            "two hops|ORCHARD|top 3 orchards by total amount|SELECT o.name, coalesce(sum(s.amount), 0) AS sum_amount FROM orchards o LEFT JOIN harvests h ON h.orchard_id = o.id LEFT JOIN sales s ON s.harvest_id = h.id GROUP BY o.id, o.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 3",
            "newest|THEATRE|show the ticket prices from the newest to the oldest|SELECT id, price FROM tickets ORDER BY bought_at DESC LIMIT 1000",
            "newest|ORCHARD|list the harvest tonnes from the latest to the earliest|SELECT id, tonnes FROM harvests ORDER BY picked_on DESC LIMIT 1000",
            "date words|THEATRE|productions from the most recent opening date to the oldest|SELECT id, title, agency_id, venue_id, genre, language, opened_on, budget FROM productions ORDER BY opened_on DESC LIMIT 1000",
            "date words|ORCHARD|contracts from the most recent signing date to the oldest|SELECT id, buyer_id, grower_id, signed_on, price_per_tonne FROM contracts ORDER BY signed_on DESC LIMIT 1000",
            "starting with|THEATRE|List the actors starting with the youngest|SELECT id, full_name, agency_id, born_on FROM actors ORDER BY born_on DESC LIMIT 1000",
            "starting with|ORCHARD|List the contracts starting with the most recently signed|SELECT id, buyer_id, grower_id, signed_on, price_per_tonne FROM contracts ORDER BY signed_on DESC LIMIT 1000",
            "dearest|THEATRE|tickets, dearest first|SELECT id, performance_id, patron_id, price, bought_at FROM tickets ORDER BY price DESC LIMIT 1000",
            "dearest|ORCHARD|contracts, dearest first|SELECT id, buyer_id, grower_id, signed_on, price_per_tonne FROM contracts ORDER BY price_per_tonne DESC LIMIT 1000",
            "heaviest|ORCHARD|show the harvests, heaviest first|SELECT id, orchard_id, variety_id, picked_on, tonnes FROM harvests ORDER BY tonnes DESC LIMIT 1000",
            "heaviest|ORCHARD|How heavy is the heaviest harvest?|SELECT id, tonnes FROM harvests ORDER BY tonnes DESC LIMIT 1 -- ignored [heavy]",
            "figures of rows|THEATRE|smallest, biggest and average ticket|SELECT min(price) AS min_price, max(price) AS max_price, avg(price) AS avg_price FROM tickets",
            "figures of rows|ORCHARD|the lowest, highest and average sale|SELECT min(amount) AS min_amount, max(amount) AS max_amount, avg(amount) AS avg_amount FROM sales",
            "figures of rows|ORCHARD|smallest, biggest and average sale by buyer|SELECT b.name AS buyer, min(s.amount) AS min_amount, max(s.amount) AS max_amount, avg(s.amount) AS avg_amount FROM sales s JOIN buyers b ON s.buyer_id = b.id GROUP BY b.name ORDER BY 1",
            "figures of rows|THEATRE|smallest, biggest and average ticket price|SELECT min(price) AS min_price, max(price) AS max_price, avg(price) AS avg_price FROM tickets"})
    void answersEachShapeExactly(String shape, String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    /** Two tables related both through the rows that link them and through a table both point at: the link is taken. */
    @Test
    void joinsThroughTheRowsThatRelateTwoTablesNotThroughATableBothPointAt() {
        assertThat(between(THEATRE, "actors", "productions")).isEqualTo("castings");
        assertThat(between(ORCHARD, "buyers", "growers")).isEqualTo("contracts");
        // with no link between them, the table both point at still relates them
        List<TableSchema> noContracts = ORCHARD.tables().stream().filter(t -> !t.name().equals("contracts")).toList();
        assertThat(Schema.path(noContracts, named(ORCHARD, "buyers"), named(ORCHARD, "growers")).orElseThrow())
                .extracting(j -> j.target().name()).containsExactly("areas", "areas");
    }

    private static String between(SchemaSnapshot s, String from, String to) {
        List<Schema.Join> path = Schema.path(s.tables(), named(s, from), named(s, to)).orElse(List.of());
        return path.size() == 2 ? Schema.other(path.getFirst(), named(s, from)).name() : null;
    }

    private static TableSchema named(SchemaSnapshot s, String name) {
        return s.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private String sqlOf(String question, String schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), "THEATRE".equals(schema) ? THEATRE : ORCHARD,
                List.of()));
        return t instanceof Translation.Sql sql ? sql.sql() + (sql.understanding().ignored().isEmpty() ? ""
                : " -- ignored " + sql.understanding().ignored()) : t.toString();
    }
}
