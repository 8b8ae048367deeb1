package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of the second round on issue 20, each on at least two tuning schemas it was not written for ({@link
 * Schemas#FLEET}, {@link Schemas#HOTEL}, {@link Schemas#LIBRARY}, {@link Schemas#CONSULTANCY}): answered exactly, or
 * asked back naming the word that decides the answer. The eval's questions are never copied here.
 */
class EverydayShapesTest {

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    /**
     * Each rule by its first word: quarter (a quarter is three months for PostgreSQL), denial (conditions of denied rows
     * stay inside the denial), amount (amounts, states and spelled numbers), verb (a participle after "have" is a date's
     * verb, not a status), naming (listed rows shown by what names them), name (a name before its table is that row's
     * name), direction (a superlative that only gives the direction orders every row), figures (figures of one or
     * several columns), groups (the groups of the column asked, ranked), duration (the time between the two dates the
     * question names, ending with the one that ends a row).
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "quarter|FLEET|How many trips started last quarter?|SELECT count(*) AS count FROM trips WHERE started_at >= date_trunc('quarter', current_date) - interval '3 months' AND started_at < date_trunc('quarter', current_date)",
            "quarter|HOTEL|How many bookings checked in last quarter?|SELECT count(*) AS count FROM bookings WHERE check_in >= date_trunc('quarter', current_date) - interval '3 months' AND check_in < date_trunc('quarter', current_date)",
            "denial|HOTEL|Which hotels have no suite rooms?|SELECT h.id, h.name, h.city, h.stars FROM hotels h WHERE NOT EXISTS (SELECT 1 FROM rooms x1 WHERE x1.hotel_id = h.id AND x1.category = 'suite') LIMIT 1000",
            "denial|FLEET|Which depots have no truck vehicles?|SELECT d.id, d.name, d.region FROM depots d WHERE NOT EXISTS (SELECT 1 FROM vehicles x1 WHERE x1.depot_id = d.id AND x1.kind = 'truck') LIMIT 1000",
            "denial|HOTEL|Which guests have never booked a room?|SELECT g.id, g.full_name, g.email, g.nationality, g.registered_on FROM guests g WHERE NOT EXISTS (SELECT 1 FROM bookings x1 WHERE x1.guest_id = g.id) LIMIT 1000",
            "amount|HOTEL|What is the total value of all bookings?|SELECT sum(paid) AS sum_paid FROM bookings",
            "amount|LIBRARY|How much have we received in fees?|SELECT sum(fee) AS sum_fee FROM loans",
            "amount|FLEET|How many trips are still underway?|SELECT count(*) AS count FROM trips WHERE status = 'underway'",
            "amount|CONSULTANCY|Which projects are still on hold?|SELECT id, client_id, team_id, name, status, budget, start_date FROM projects WHERE status = 'On Hold' LIMIT 1000",
            "amount|HOTEL|How many rooms have more than two beds?|SELECT count(*) AS count FROM rooms WHERE beds > 2",
            "verb|FLEET|Which driver has loaded the most trips?|SELECT d.name, count(t.id) AS count FROM drivers d LEFT JOIN trips t ON t.driver_id = d.id GROUP BY d.id, d.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "verb|FLEET|How many trips has each driver loaded?|SELECT d.name AS driver, count(t.id) AS count FROM drivers d LEFT JOIN trips t ON t.driver_id = d.id GROUP BY d.id, d.name ORDER BY 1",
            "verb|SHOP|Which customer has placed the most orders?|SELECT c.name, count(o.id) AS count FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "verb|SHOP|Which orders have not shipped yet?|SELECT id, customer_id, placed_at, shipped_at, status FROM orders WHERE shipped_at IS NULL LIMIT 1000",
            "naming|LIBRARY|List the books with their pages.|SELECT title, pages FROM books LIMIT 1000",
            "naming|FLEET|Show every depot with its region.|SELECT name, region FROM depots LIMIT 1000",
            "naming|LIBRARY|Show every book with its format and number of pages.|SELECT title, format, pages FROM books LIMIT 1000",
            "naming|HOTEL|List the suite rooms with their nightly rates.|SELECT id, nightly_rate FROM rooms WHERE category = 'suite' LIMIT 1000",
            "naming|CONSULTANCY|Show the projects and their client|SELECT p.name, c.name FROM projects p JOIN clients c ON p.client_id = c.id LIMIT 1000",
            "naming|LIBRARY|Show the loans and their book|SELECT l.id, b.title FROM loans l JOIN books b ON l.book_id = b.id LIMIT 1000",
            "name|CONSULTANCY|List the employees in the Platform team|SELECT u.id, u.team_id, u.first_name, u.last_name, u.email, u.hired_on, u.birth_date, u.salary FROM users u JOIN teams t ON u.team_id = t.id WHERE t.name = 'Platform' LIMIT 1000",
            "name|LIBRARY|How many members are in the Central branch?|SELECT count(*) AS count FROM members m JOIN branches b ON m.branch_id = b.id WHERE b.name = 'Central'",
            "direction|HOTEL|Show the rooms sorted by nightly rate, most expensive first.|SELECT id, hotel_id, \"number\", category, nightly_rate, beds FROM rooms ORDER BY nightly_rate DESC LIMIT 1000",
            "direction|LIBRARY|List the members by birth date, youngest first.|SELECT id, branch_id, full_name, subscribed_on, cancelled_on, birth_date FROM members ORDER BY birth_date DESC LIMIT 1000",
            "direction|FLEET|List the vehicles from largest to smallest.|SELECT id, depot_id, plate, kind, capacity_kg, built_year, electric FROM vehicles ORDER BY capacity_kg DESC LIMIT 1000",
            "figures|HOTEL|What are the smallest, largest and average nightly rates?|SELECT min(nightly_rate) AS min_nightly_rate, max(nightly_rate) AS max_nightly_rate, avg(nightly_rate) AS avg_nightly_rate FROM rooms",
            "figures|FLEET|What are the lowest and the highest capacities of vehicles?|SELECT min(capacity_kg) AS min_capacity_kg, max(capacity_kg) AS max_capacity_kg FROM vehicles",
            "figures|LIBRARY|What are the total fee and the total fine amount of loans?|SELECT sum(fee) AS sum_fee, sum(fine_amount) AS sum_fine_amount FROM loans",
            "figures|FLEET|What are the average distance and the average actual minutes of trips?|SELECT avg(distance_km) AS avg_distance_km, avg(actual_minutes) AS avg_actual_minutes FROM trips",
            "groups|HOTEL|Which nationality has the most guests?|SELECT nationality AS nationality, count(*) AS count FROM guests GROUP BY nationality ORDER BY 2 DESC, 1 LIMIT 1",
            "groups|FLEET|Which two kinds have the most vehicles?|SELECT kind AS kind, count(*) AS count FROM vehicles GROUP BY kind ORDER BY 2 DESC, 1 LIMIT 2",
            "groups|LIBRARY|Which format do most of our books have?|SELECT format AS format, count(*) AS count FROM books GROUP BY format ORDER BY 2 DESC, 1 LIMIT 1",
            "groups|HOTEL|What are the top 2 nationalities by number of guests?|SELECT nationality AS nationality, count(*) AS count FROM guests GROUP BY nationality ORDER BY 2 DESC, 1 LIMIT 2",
            "groups|FLEET|Show the top 2 kinds by number of vehicles|SELECT kind AS kind, count(*) AS count FROM vehicles GROUP BY kind ORDER BY 2 DESC, 1 LIMIT 2",
            "groups|SHOP|What are the top 2 statuses by number of orders?|SELECT status AS status, count(*) AS count FROM orders GROUP BY status ORDER BY 2 DESC, 1 LIMIT 2",
            "duration|SHOP|On average, how many hours after being placed are orders shipped?|SELECT avg(extract(epoch FROM (shipped_at - placed_at)) / 3600) AS avg_hours FROM orders",
            "duration|SHOP|How many hours on average are orders placed before they are shipped?|SELECT avg(extract(epoch FROM (shipped_at - placed_at)) / 3600) AS avg_hours FROM orders",
            "duration|LIBRARY|On average, how many days were cancelled members subscribed?|SELECT avg((cancelled_on - subscribed_on)) AS avg_days FROM members"})
    void answersEachShapeExactly(String rule, String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|Which drivers have no upcoming trips?|upcoming",
            "LIBRARY|Which members have never borrowed an audio book?|audio",
            "CONSULTANCY|List the users in the data team|team",
            "HOTEL|List the rooms in the data hotel|hotel",
            "LIBRARY|Which books have more than three hundred pages?|more"})
    void asksBackRatherThanDropAConditionItCannotPlace(String schema, String question, String word) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot(schema), List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Refusal.class);
        assertThat(((Translation.Refusal) t).problem().message()).contains("'" + word + "'");
    }

    /** A small shop, for the verbs of its dates (placed_at, shipped_at) beside statuses of the same stems. */
    private static final SchemaSnapshot SHOP = new SchemaSnapshot(1, "shop", "v-1", java.time.Instant.EPOCH, List.of(
            Schemas.table("customers", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text")), List.of()),
            Schemas.table("orders", null, List.of(Schemas.col("id", "integer"), Schemas.col("customer_id", "integer"),
                    Schemas.col("placed_at", "timestamp"), Schemas.nullable("shipped_at", "timestamp"),
                    Schemas.check("status", "placed", "shipped", "cancelled")), List.of(Schemas.fk("customer_id", "customers")))));

    private static SchemaSnapshot snapshot(String schema) {
        return "SHOP".equals(schema) ? SHOP : Schemas.byName(schema);
    }

    private String sqlOf(String question, String schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot(schema), List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        assertThat(((Translation.Sql) t).understanding().ignored()).as(question + " -> " + t).isEmpty();
        return ((Translation.Sql) t).sql();
    }
}
