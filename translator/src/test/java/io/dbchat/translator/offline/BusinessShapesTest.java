package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The common shapes of business questions, each on two tuning schemas the rules were not written for ({@link
 * Schemas#FLEET}, {@link Schemas#HOTEL}); the held-out questions of the eval are never copied here.
 */
class BusinessShapesTest {

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|Which drivers have no phone?|SELECT id, depot_id, name, licence, phone, hired_on, birth_date, rating FROM drivers WHERE phone IS NULL LIMIT 1000",
            "HOTEL|Guests without an email|SELECT id, full_name, email, nationality, registered_on FROM guests WHERE email IS NULL LIMIT 1000",
            "FLEET|Drivers who never made a trip|SELECT d.id, d.depot_id, d.name, d.licence, d.phone, d.hired_on, d.birth_date, d.rating FROM drivers d WHERE NOT EXISTS (SELECT 1 FROM trips x1 WHERE x1.driver_id = d.id) LIMIT 1000",
            "HOTEL|Guests without any bookings|SELECT g.id, g.full_name, g.email, g.nationality, g.registered_on FROM guests g WHERE NOT EXISTS (SELECT 1 FROM bookings x1 WHERE x1.guest_id = g.id) LIMIT 1000",
            "HOTEL|Hotels with no bookings|SELECT h.id, h.name, h.city, h.stars FROM hotels h WHERE NOT EXISTS (SELECT 1 FROM rooms x1 JOIN bookings x2 ON x2.room_id = x1.id WHERE x1.hotel_id = h.id) LIMIT 1000"})
    void negationAndAbsence(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "LIBRARY|Members without a branch|SELECT id, branch_id, full_name, subscribed_on, cancelled_on, birth_date FROM members WHERE branch_id IS NULL LIMIT 1000",
            "CONSULTANCY|How many tasks have no user?|SELECT count(*) AS count FROM tasks WHERE assignee_id IS NULL"})
    void negationAndAbsenceOfAReferencedRow(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|How many drivers have a trip?|SELECT count(*) AS count FROM drivers d WHERE EXISTS (SELECT 1 FROM trips x1 WHERE x1.driver_id = d.id)",
            "HOTEL|How many guests have a booking?|SELECT count(*) AS count FROM guests g WHERE EXISTS (SELECT 1 FROM bookings x1 WHERE x1.guest_id = g.id)",
            "HOTEL|Which hotels have a booking?|SELECT h.id, h.name, h.city, h.stars FROM hotels h WHERE EXISTS (SELECT 1 FROM rooms x1 JOIN bookings x2 ON x2.room_id = x1.id WHERE x1.hotel_id = h.id) LIMIT 1000"})
    void countsAndListsEntitiesWithRelatedRowsOnce(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|Which driver has the most trips?|SELECT d.name, count(t.id) AS count FROM drivers d LEFT JOIN trips t ON t.driver_id = d.id GROUP BY d.id, d.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "HOTEL|Which guest has the most bookings?|SELECT g.full_name, count(b.id) AS count FROM guests g LEFT JOIN bookings b ON b.guest_id = g.id GROUP BY g.id, g.full_name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "FLEET|Top 2 drivers by total distance|SELECT d.name, coalesce(sum(t.distance_km), 0) AS sum_distance_km FROM drivers d LEFT JOIN trips t ON t.driver_id = d.id GROUP BY d.id, d.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 2",
            "HOTEL|Top 3 guests by total paid|SELECT g.full_name, coalesce(sum(b.paid), 0) AS sum_paid FROM guests g LEFT JOIN bookings b ON b.guest_id = g.id GROUP BY g.id, g.full_name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 3",
            "FLEET|Which driver has the highest total trip distance?|SELECT d.name, coalesce(sum(t.distance_km), 0) AS sum_distance_km FROM drivers d LEFT JOIN trips t ON t.driver_id = d.id GROUP BY d.id, d.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "LIBRARY|Top 3 members by total loan fee|SELECT m.full_name, coalesce(sum(l.fee), 0) AS sum_fee FROM members m LEFT JOIN loans l ON l.member_id = m.id GROUP BY m.id, m.full_name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 3",
            "HOTEL|Which guest has the lowest average booking paid?|SELECT g.full_name, avg(b.paid) AS avg_paid FROM guests g JOIN bookings b ON b.guest_id = g.id GROUP BY g.id, g.full_name ORDER BY 2 NULLS LAST, 1 LIMIT 1",
            "HOTEL|Which hotel has the fewest rooms?|SELECT h.name, count(r.id) AS count FROM hotels h LEFT JOIN rooms r ON r.hotel_id = h.id GROUP BY h.id, h.name ORDER BY 2 NULLS LAST, 1 LIMIT 1"})
    void ranksRowsByAnAggregateOfRelatedRows(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|How many trips does each driver have?|SELECT d.name AS driver, count(t.id) AS count FROM drivers d LEFT JOIN trips t ON t.driver_id = d.id GROUP BY d.id, d.name ORDER BY 1",
            "HOTEL|Total paid per guest|SELECT g.full_name AS guest, coalesce(sum(b.paid), 0) AS sum_paid FROM guests g LEFT JOIN bookings b ON b.guest_id = g.id GROUP BY g.id, g.full_name ORDER BY 1",
            "HOTEL|Number of bookings per hotel|SELECT h.name AS hotel, count(b.id) AS count FROM hotels h LEFT JOIN rooms r ON r.hotel_id = h.id LEFT JOIN bookings b ON b.room_id = r.id GROUP BY h.id, h.name ORDER BY 1",
            "FLEET|How many electric vehicles does each depot have?|SELECT d.name AS depot, count(v.id) AS count FROM depots d LEFT JOIN vehicles v ON v.depot_id = d.id AND v.electric GROUP BY d.id, d.name ORDER BY 1",
            "FLEET|Number of electric vehicles per depot|SELECT d.name AS depot, count(*) AS count FROM vehicles v JOIN depots d ON v.depot_id = d.id WHERE v.electric GROUP BY d.name ORDER BY 1",
            "HOTEL|Average paid per guest|SELECT g.full_name AS guest, avg(b.paid) AS avg_paid FROM bookings b JOIN guests g ON b.guest_id = g.id GROUP BY g.full_name ORDER BY 1"})
    void keepsTheRowsWithNoneInACountOrSumPerRowOfATable(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|Upcoming trips|SELECT id, driver_id, vehicle_id, started_at, ended_at, distance_km, planned_minutes, actual_minutes, deadline, loaded_at, arrived_at, status FROM trips WHERE started_at > now() LIMIT 1000",
            "HOTEL|How many upcoming bookings are there?|SELECT count(*) AS count FROM bookings WHERE check_in >= current_date",
            "LIBRARY|How many active members?|SELECT count(*) AS count FROM members WHERE (cancelled_on IS NULL OR cancelled_on > current_date)",
            "LIBRARY|Open loans|SELECT id, member_id, book_id, borrowed_on, due_on, returned_on, fee, fine_amount FROM loans WHERE returned_on IS NULL LIMIT 1000",
            "HOTEL|How many active bookings?|SELECT count(*) AS count FROM bookings WHERE (cancelled_at IS NULL OR cancelled_at > now())",
            "FLEET|Open trips of the Harbour depot|SELECT t.id, t.driver_id, t.vehicle_id, t.started_at, t.ended_at, t.distance_km, t.planned_minutes, t.actual_minutes, t.deadline, t.loaded_at, t.arrived_at, t.status FROM trips t JOIN drivers d ON t.driver_id = d.id JOIN depots d2 ON d.depot_id = d2.id WHERE d2.name = 'Harbour' AND t.ended_at IS NULL LIMIT 1000"})
    void readsStateWordsThroughTheDatesWhenNoStoredValueSaysThem(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|Which kind has the highest average capacity?|SELECT kind AS kind, avg(capacity_kg) AS avg_capacity_kg FROM vehicles GROUP BY kind ORDER BY 2 DESC, 1 LIMIT 1",
            "HOTEL|Which category has the lowest average nightly rate?|SELECT category AS category, avg(nightly_rate) AS avg_nightly_rate FROM rooms GROUP BY category ORDER BY 2, 1 LIMIT 1",
            "HOTEL|Which guest paid the most in total?|SELECT g.full_name, coalesce(sum(b.paid), 0) AS sum_paid FROM guests g LEFT JOIN bookings b ON b.guest_id = g.id GROUP BY g.id, g.full_name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1",
            "LIBRARY|Which member was fined the most?|SELECT m.full_name, coalesce(sum(l.fine_amount), 0) AS sum_fine_amount FROM members m LEFT JOIN loans l ON l.member_id = m.id GROUP BY m.id, m.full_name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 1"})
    void ranksGroupsAndRowsByTheAggregateTheQuestionNames(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "LIBRARY|Members who never borrowed|SELECT m.id, m.branch_id, m.full_name, m.subscribed_on, m.cancelled_on, m.birth_date FROM members m WHERE NOT EXISTS (SELECT 1 FROM loans x1 WHERE x1.member_id = m.id) LIMIT 1000",
            "FLEET|Vehicles that were never loaded|SELECT v.id, v.depot_id, v.plate, v.kind, v.capacity_kg, v.built_year, v.electric FROM vehicles v WHERE NOT EXISTS (SELECT 1 FROM trips x1 WHERE x1.vehicle_id = v.id) LIMIT 1000",
            "LIBRARY|Who borrowed Dune?|SELECT m.full_name FROM loans l JOIN books b ON l.book_id = b.id JOIN members m ON l.member_id = m.id WHERE b.title = 'Dune' LIMIT 1000",
            "HOTEL|Who booked a suite?|SELECT g.full_name FROM bookings b JOIN rooms r ON b.room_id = r.id JOIN guests g ON b.guest_id = g.id WHERE r.category = 'suite' LIMIT 1000",
            "FLEET|Past aborted trips|SELECT id, driver_id, vehicle_id, started_at, ended_at, distance_km, planned_minutes, actual_minutes, deadline, loaded_at, arrived_at, status FROM trips WHERE status = 'aborted' AND started_at < now() LIMIT 1000",
            "HOTEL|Past suite bookings|SELECT b.id, b.guest_id, b.room_id, b.check_in, b.check_out, b.paid, b.payment_due, b.paid_on, b.cancelled_at FROM bookings b JOIN rooms r ON b.room_id = r.id WHERE r.category = 'suite' AND b.check_in < current_date LIMIT 1000"})
    void readsVerbsOfRelatedRowsAndWhoAsThePeopleTheRowsPointAt(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|Number of trips per vehicle kind|SELECT v.kind AS kind, count(*) AS count FROM trips t JOIN vehicles v ON t.vehicle_id = v.id GROUP BY v.kind ORDER BY 1",
            "HOTEL|Number of bookings per room category|SELECT r.category AS category, count(*) AS count FROM bookings b JOIN rooms r ON b.room_id = r.id GROUP BY r.category ORDER BY 1",
            "FLEET|Average rating per depot region|SELECT d2.region AS region, avg(d.rating) AS avg_rating FROM drivers d JOIN depots d2 ON d.depot_id = d2.id GROUP BY d2.region ORDER BY 1",
            "FLEET|Trips per month|SELECT date_trunc('month', started_at) AS month, count(*) AS count FROM trips GROUP BY date_trunc('month', started_at) ORDER BY 1",
            "HOTEL|Bookings per quarter|SELECT date_trunc('quarter', check_in) AS quarter, count(*) AS count FROM bookings GROUP BY date_trunc('quarter', check_in) ORDER BY 1",
            "HOTEL|How many guests registered each year?|SELECT date_trunc('year', registered_on) AS year, count(*) AS count FROM guests GROUP BY date_trunc('year', registered_on) ORDER BY 1"})
    void groupsByTheNamedColumnIncludingAJoinedOneAndByPeriods(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|How many trips started in the last 7 days?|SELECT count(*) AS count FROM trips WHERE started_at >= now() - interval '7 days' AND started_at <= now()",
            "FLEET|How many trips arrived in the last 7 days?|SELECT count(*) AS count FROM trips WHERE arrived_at >= now() - interval '7 days' AND arrived_at <= now()",
            "HOTEL|Bookings next month|SELECT id, guest_id, room_id, check_in, check_out, paid, payment_due, paid_on, cancelled_at FROM bookings WHERE check_in >= date_trunc('month', current_date) + interval '1 month' AND check_in < date_trunc('month', current_date) + interval '2 months' LIMIT 1000",
            "FLEET|Vehicles built this year|SELECT id, depot_id, plate, kind, capacity_kg, built_year, electric FROM vehicles WHERE built_year = extract(year from current_date) LIMIT 1000"})
    void filtersByRelativePeriods(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|Trips whose actual minutes are greater than their planned minutes|SELECT id, driver_id, vehicle_id, started_at, ended_at, distance_km, planned_minutes, actual_minutes, deadline, loaded_at, arrived_at, status FROM trips WHERE actual_minutes > planned_minutes LIMIT 1000",
            "HOTEL|Rooms with a nightly rate above the average nightly rate|SELECT id, hotel_id, \"number\", category, nightly_rate, beds FROM rooms WHERE nightly_rate > (SELECT avg(nightly_rate) FROM rooms) LIMIT 1000",
            "FLEET|Trips with a distance above the average distance|SELECT id, driver_id, vehicle_id, started_at, ended_at, distance_km, planned_minutes, actual_minutes, deadline, loaded_at, arrived_at, status FROM trips WHERE distance_km > (SELECT avg(distance_km) FROM trips) LIMIT 1000",
            "FLEET|Trips that ended late|SELECT id, driver_id, vehicle_id, started_at, ended_at, distance_km, planned_minutes, actual_minutes, deadline, loaded_at, arrived_at, status FROM trips WHERE ended_at > deadline LIMIT 1000",
            "HOTEL|Bookings paid late|SELECT id, guest_id, room_id, check_in, check_out, paid, payment_due, paid_on, cancelled_at FROM bookings WHERE paid_on > payment_due LIMIT 1000",
            "HOTEL|Which bookings are overdue?|SELECT id, guest_id, room_id, check_in, check_out, paid, payment_due, paid_on, cancelled_at FROM bookings WHERE paid_on IS NULL AND payment_due < current_date LIMIT 1000"})
    void comparesColumnsWithColumnsAndAverages(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|Vehicles of the Harbour depot|SELECT v.id, v.depot_id, v.plate, v.kind, v.capacity_kg, v.built_year, v.electric FROM vehicles v JOIN depots d ON v.depot_id = d.id WHERE d.name = 'Harbour' LIMIT 1000",
            "LIBRARY|Loans of the Central branch|SELECT l.id, l.member_id, l.book_id, l.borrowed_on, l.due_on, l.returned_on, l.fee, l.fine_amount FROM loans l JOIN members m ON l.member_id = m.id JOIN branches b ON m.branch_id = b.id WHERE b.name = 'Central' LIMIT 1000",
            "HOTEL|Bookings at the Seaview hotel|SELECT b.id, b.guest_id, b.room_id, b.check_in, b.check_out, b.paid, b.payment_due, b.paid_on, b.cancelled_at FROM bookings b JOIN rooms r ON b.room_id = r.id JOIN hotels h ON r.hotel_id = h.id WHERE h.name = 'Seaview' LIMIT 1000"})
    void filtersThroughARelatedTablesName(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|Vehicles with capacity 500 or 1000|SELECT id, depot_id, plate, kind, capacity_kg, built_year, electric FROM vehicles WHERE capacity_kg IN (500, 1000) LIMIT 1000",
            "HOTEL|Hotels with stars 4 or 5|SELECT id, name, city, stars FROM hotels WHERE stars IN (4, 5) LIMIT 1000",
            "HOTEL|Minimum and maximum nightly rate|SELECT min(nightly_rate) AS min_nightly_rate, max(nightly_rate) AS max_nightly_rate FROM rooms",
            "FLEET|Average and maximum distance|SELECT avg(distance_km) AS avg_distance_km, max(distance_km) AS max_distance_km FROM trips"})
    void readsSeveralValuesAndSeveralAggregates(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|List vehicles from the newest to the oldest|SELECT id, depot_id, plate, kind, capacity_kg, built_year, electric FROM vehicles ORDER BY built_year DESC LIMIT 1000",
            "FLEET|List drivers from the youngest to the oldest|SELECT id, depot_id, name, licence, phone, hired_on, birth_date, rating FROM drivers ORDER BY birth_date DESC LIMIT 1000",
            "HOTEL|Rooms from the cheapest to the most expensive|SELECT id, hotel_id, \"number\", category, nightly_rate, beds FROM rooms ORDER BY nightly_rate LIMIT 1000",
            "HOTEL|Guests from the most recently registered to the earliest|SELECT id, full_name, email, nationality, registered_on FROM guests ORDER BY registered_on DESC LIMIT 1000"})
    void ordersByDirectionWords(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FLEET|How many hours on average between loading and arrival?|SELECT avg(extract(epoch FROM (arrived_at - loaded_at)) / 3600) AS avg_hours FROM trips",
            "HOTEL|How many days on average between check in and check out?|SELECT avg((check_out - check_in)) AS avg_days FROM bookings",
            "LIBRARY|How many days on average between subscription and cancellation of members?|SELECT avg((cancelled_on - subscribed_on)) AS avg_days FROM members"})
    void measuresDurationsBetweenTwoDates(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "LIBRARY|What is the highest due fee?|SELECT max(fee) AS max_fee FROM loans",
            "SIGNS|Donors with blood type O-|SELECT id, blood_type, grade FROM donors WHERE blood_type = 'O-' LIMIT 1000",
            "SIGNS|How many donors have grade B+?|SELECT count(*) AS count FROM donors WHERE grade = 'B+'",
            "SIGNS|How many donors have grade B-?|SELECT count(*) AS count FROM donors WHERE grade = 'B-'"})
    void readsAmountsAndSpelledValuesAsTyped(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "COMMENTED|What is the total billed?|SELECT sum(cost) AS sum_cost FROM stays",
            "COMMENTED|What is the average transfer value of players?|SELECT avg(market_value) AS avg_market_value FROM players"})
    void readsWordsOfColumnComments(String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    private static final io.dbchat.contracts.events.SchemaSnapshot COMMENTED = new io.dbchat.contracts.events.SchemaSnapshot(1,
            "commented", "v-1", java.time.Instant.EPOCH, List.of(
                    Schemas.table("stays", null, List.of(Schemas.col("id", "integer"),
                            new io.dbchat.contracts.events.ColumnSchema("patient", "text", false, null, "Who stayed, e.g. Apollo",
                                    List.of(), null),
                            new io.dbchat.contracts.events.ColumnSchema("cost", "numeric(10,2)", false, null,
                                    "Amount billed for the stay", List.of(), null)), List.of()),
                    Schemas.table("players", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text"),
                            new io.dbchat.contracts.events.ColumnSchema("market_value", "numeric(12,2)", true, null,
                                    "Estimated transfer value in euros", List.of(), null)), List.of())));

    private static final io.dbchat.contracts.events.SchemaSnapshot SIGNS = new io.dbchat.contracts.events.SchemaSnapshot(1, "signs",
            "v-1", java.time.Instant.EPOCH, List.of(Schemas.table("donors", null, List.of(Schemas.col("id", "integer"),
                    Schemas.check("blood_type", "O+", "O-", "A+", "A-"), Schemas.check("grade", "B+", "B", "B-")), List.of())));

    private String sqlOf(String question, String schema) {
        var snapshot = switch (schema) {
            case "FLEET" -> Schemas.FLEET;
            case "LIBRARY" -> Schemas.LIBRARY;
            case "CONSULTANCY" -> Schemas.CONSULTANCY;
            case "SIGNS" -> SIGNS;
            case "COMMENTED" -> COMMENTED;
            default -> Schemas.HOTEL;
        };
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot, List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        assertThat(((Translation.Sql) t).understanding().ignored()).as(question + " -> " + t).isEmpty();
        return ((Translation.Sql) t).sql();
    }
}
