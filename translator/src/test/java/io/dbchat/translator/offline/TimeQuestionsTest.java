package io.dbchat.translator.offline;

import static io.dbchat.translator.offline.Schemas.check;
import static io.dbchat.translator.offline.Schemas.col;
import static io.dbchat.translator.offline.Schemas.fk;
import static io.dbchat.translator.offline.Schemas.nullable;
import static io.dbchat.translator.offline.Schemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Periods up to today, the date a period or time bucket means when no word names one, "new" rows of a period, "how
 * much" with a verb of money, and durations asked with a noun or for each row, on two small schemas written for these
 * tests (a pottery studio and a ferry operator) that appear in no evaluation set.
 */
class TimeQuestionsTest {

    /** A pottery studio: students with a birth date first, courses that start and end, kiln firings, sales, commissions. */
    static final SchemaSnapshot POTTERY = new SchemaSnapshot(1, "pottery", "v-1", Instant.EPOCH, List.of(
            table("students", null, List.of(col("id", "integer"), col("full_name", "text"), col("birth_date", "date"),
                    col("enrolled_on", "date")), List.of()),
            table("courses", null, List.of(col("id", "integer"), col("title", "text"), col("starts_on", "date"),
                    col("ends_on", "date"), col("fee", "numeric(8,2)")), List.of()),
            table("firings", null, List.of(col("id", "integer"), col("kiln", "text"), col("fired_at", "timestamp"),
                    nullable("cooled_at", "timestamp")), List.of()),
            table("glazes", null, List.of(col("id", "integer"), col("firing_id", "integer"), col("colour", "text"),
                    col("mixed_on", "date")), List.of(fk("firing_id", "firings"))),
            table("tools", null, List.of(col("id", "integer"), col("name", "text")), List.of()),
            table("tool_loans", null, List.of(col("id", "integer"), col("tool_id", "integer"), col("lent_on", "date"),
                    nullable("returned_on", "date")), List.of(fk("tool_id", "tools"))),
            table("defects", null, List.of(col("id", "integer"), col("firing_id", "integer"), check("kind", "crack", "bloat", "crawl")),
                    List.of(fk("firing_id", "firings"))),
            table("sales", null, List.of(col("id", "integer"), col("piece", "text"), col("sold_on", "date"),
                    col("price", "numeric(8,2)")), List.of()),
            table("commissions", null, List.of(col("id", "integer"), col("client", "text"), col("ordered_on", "date"),
                    nullable("delivered_on", "date"), col("price", "numeric(8,2)")), List.of())));

    /** A ferry operator: passengers with a date of birth first, sailings at moments, tickets bought at moments, refits. */
    static final SchemaSnapshot FERRY = new SchemaSnapshot(1, "ferry", "v-1", Instant.EPOCH, List.of(
            table("passengers", null, List.of(col("id", "integer"), col("name", "text"), col("dob", "date"),
                    col("registered_at", "timestamptz")), List.of()),
            table("sailings", null, List.of(col("id", "integer"), col("route", "text"), col("departs_at", "timestamp"),
                    nullable("arrives_at", "timestamp")), List.of()),
            table("tickets", null, List.of(col("id", "integer"), col("sailing_id", "integer"), col("passenger_id", "integer"),
                    col("bought_at", "timestamptz"), col("fare", "numeric(8,2)"), check("cabin", "deck", "cabin", "suite")),
                    List.of(fk("sailing_id", "sailings"), fk("passenger_id", "passengers"))),
            table("refits", null, List.of(col("id", "integer"), col("vessel", "text"), col("started_on", "date"),
                    nullable("finished_on", "date"), col("cost", "numeric(12,2)")), List.of()),
            table("vessels", null, List.of(col("id", "integer"), col("name", "text")), List.of()),
            table("charters", null, List.of(col("id", "integer"), col("vessel_id", "integer"), col("starts_on", "date"),
                    col("ends_on", "date")), List.of(fk("vessel_id", "vessels"))),
            table("complaints", null, List.of(col("id", "integer"), col("sailing_id", "integer"), col("details", "text")),
                    List.of(fk("sailing_id", "sailings")))));

    /**
     * Each rule by its first word: todate (year/month to date, so far this …, since a month), default (the date no word
     * names: not a birth date, and the time bucket's date for a period beside it), new (new rows of a period), much (a
     * verb of money after "how much"), duration (a time's noun after its figure, two dates with the rows' name between,
     * a short verb's stem, the longest, each row's time, "from start to finish"), today (the time since or until a
     * date), rows (a period right after rows that belong to the main table's), parent (a table without dates read on
     * the date of the row it belongs to), kept (a time of the rows that belong to the main table's), verb (a verb before a
     * period or bucket on a table with one date).
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "todate|POTTERY|What is the total price of sales year to date?|SELECT sum(price) AS sum_price FROM sales WHERE sold_on >= date_trunc('year', current_date) AND sold_on <= current_date",
            "todate|FERRY|How many tickets were bought so far this month?|SELECT count(*) AS count FROM tickets WHERE bought_at >= date_trunc('month', current_date) AND bought_at <= now()",
            "todate|FERRY|how many tickets this quarter so far|SELECT count(*) AS count FROM tickets WHERE bought_at >= date_trunc('quarter', current_date) AND bought_at <= now()",
            "todate|POTTERY|How many commissions were ordered since March?|SELECT count(*) AS count FROM commissions WHERE ordered_on >= date_trunc('year', current_date) + interval '2 months' - CASE WHEN extract(month FROM current_date) < 3 THEN interval '1 year' ELSE interval '0 days' END AND ordered_on <= current_date",
            "default|POTTERY|How many students this year?|SELECT count(*) AS count FROM students WHERE enrolled_on >= date_trunc('year', current_date) AND enrolled_on < date_trunc('year', current_date) + interval '1 year'",
            "default|FERRY|How many passengers last month?|SELECT count(*) AS count FROM passengers WHERE registered_at >= date_trunc('month', current_date) - interval '1 month' AND registered_at < date_trunc('month', current_date)",
            "default|POTTERY|How many students enrolled each month this year?|SELECT date_trunc('month', enrolled_on) AS month, count(*) AS count FROM students WHERE enrolled_on >= date_trunc('year', current_date) AND enrolled_on < date_trunc('year', current_date) + interval '1 year' GROUP BY date_trunc('month', enrolled_on) ORDER BY 1",
            "default|FERRY|passengers per quarter|SELECT date_trunc('quarter', registered_at) AS quarter, count(*) AS count FROM passengers GROUP BY date_trunc('quarter', registered_at) ORDER BY 1",
            "new|FERRY|How many new passengers registered last quarter?|SELECT count(*) AS count FROM passengers WHERE registered_at >= date_trunc('quarter', current_date) - interval '3 months' AND registered_at < date_trunc('quarter', current_date)",
            "new|POTTERY|new students per year|SELECT date_trunc('year', enrolled_on) AS year, count(*) AS count FROM students GROUP BY date_trunc('year', enrolled_on) ORDER BY 1",
            "much|FERRY|How much did we take in tickets last month?|SELECT sum(fare) AS sum_fare FROM tickets WHERE bought_at >= date_trunc('month', current_date) - interval '1 month' AND bought_at < date_trunc('month', current_date)",
            "much|POTTERY|How much sales money did we make this year?|SELECT sum(price) AS sum_price FROM sales WHERE sold_on >= date_trunc('year', current_date) AND sold_on < date_trunc('year', current_date) + interval '1 year'",
            "duration|POTTERY|What's the average time in days between ordering a commission and delivering it?|SELECT avg((delivered_on - ordered_on)) AS avg_days FROM commissions",
            "duration|POTTERY|On average, how many hours are there between firing and cooling?|SELECT avg(extract(epoch FROM (cooled_at - fired_at)) / 3600) AS avg_hours FROM firings",
            "duration|FERRY|For sailings, what is the average time in minutes between departing and arriving?|SELECT avg(extract(epoch FROM (arrives_at - departs_at)) / 60) AS avg_minutes FROM sailings",
            "duration|FERRY|What is the longest time in days from starting a refit to finishing it?|SELECT max((finished_on - started_on)) AS max_days FROM refits",
            "duration|POTTERY|What is the average length of a course in days?|SELECT avg((ends_on - starts_on)) AS avg_days FROM courses",
            "duration|POTTERY|How long is each course, in days?|SELECT title, (ends_on - starts_on) AS days FROM courses LIMIT 1000",
            "duration|FERRY|How many days did each refit take from start to finish?|SELECT id, (finished_on - started_on) AS days FROM refits LIMIT 1000",
            "duration|POTTERY|How many days does each course take from start to finish?|SELECT title, (ends_on - starts_on) AS days FROM courses LIMIT 1000",
            "duration|POTTERY|For each commission, how many days from its order date to its delivery?|SELECT id, (delivered_on - ordered_on) AS days FROM commissions LIMIT 1000",
            "today|FERRY|How many days is it since each refit started?|SELECT id, (current_date - started_on) AS days FROM refits LIMIT 1000",
            "today|POTTERY|How many days are left until each course ends?|SELECT title, (ends_on - current_date) AS days FROM courses LIMIT 1000",
            "today|FERRY|How many hours is it since each sailing departed?|SELECT id, extract(epoch FROM (now() - departs_at)) / 3600 AS hours FROM sailings LIMIT 1000",
            "rows|FERRY|Which passengers had tickets in the last 7 days?|SELECT DISTINCT p.id, p.name, p.dob, p.registered_at FROM passengers p JOIN tickets t ON t.passenger_id = p.id WHERE EXISTS (SELECT 1 FROM tickets x1 WHERE x1.passenger_id = p.id) AND t.bought_at >= now() - interval '7 days' AND t.bought_at <= now() LIMIT 1000",
            "rows|POTTERY|Which firings had glazes this week?|SELECT DISTINCT f.id, f.kiln, f.fired_at, f.cooled_at FROM firings f JOIN glazes g ON g.firing_id = f.id WHERE EXISTS (SELECT 1 FROM glazes x1 WHERE x1.firing_id = f.id) AND g.mixed_on >= date_trunc('week', current_date) AND g.mixed_on < date_trunc('week', current_date) + interval '1 week' LIMIT 1000",
            "parent|FERRY|complaints per month|SELECT date_trunc('month', s.departs_at) AS month, count(*) AS count FROM complaints c JOIN sailings s ON c.sailing_id = s.id GROUP BY date_trunc('month', s.departs_at) ORDER BY 1",
            "kept|POTTERY|How many days on average is a tool kept?|SELECT avg((tl.returned_on - tl.lent_on)) AS avg_days FROM tools t JOIN tool_loans tl ON tl.tool_id = t.id",
            "kept|FERRY|How many days on average is a vessel kept?|SELECT avg((c.ends_on - c.starts_on)) AS avg_days FROM vessels v JOIN charters c ON c.vessel_id = v.id",
            "verb|POTTERY|How many sales were made each month?|SELECT date_trunc('month', sold_on) AS month, count(*) AS count FROM sales GROUP BY date_trunc('month', sold_on) ORDER BY 1",
            "verb|FERRY|How many tickets were issued last week?|SELECT count(*) AS count FROM tickets WHERE bought_at >= date_trunc('week', current_date) - interval '1 week' AND bought_at < date_trunc('week', current_date)",
            "parent|POTTERY|defects per quarter|SELECT date_trunc('quarter', f.fired_at) AS quarter, count(*) AS count FROM defects d JOIN firings f ON d.firing_id = f.id GROUP BY date_trunc('quarter', f.fired_at) ORDER BY 1"})
    void answersEachShapeExactly(String rule, String schema, String question, String expected) {
        assertThat(OfflineAsk.sqlOf(question, snapshot(schema))).isEqualTo(expected);
    }

    /** The readings chosen without a word are stated. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FERRY|passengers per quarter|'per quarter' read on registered_at, one of several dates of passengers",
            "FERRY|How many new passengers registered last quarter?|'new' read as registered_at",
            "POTTERY|What is the average length of a course in days?|from starts_on to ends_on",
            "POTTERY|How many days does each course take from start to finish?|'finish' read as ends_on",
            "FERRY|complaints per month|'per month' read on sailings.departs_at, the date of the sailing each row of complaints belongs to",
            "FERRY|Which passengers had tickets in the last 7 days?|'in the last 7 days' read on tickets.bought_at",
            "FERRY|How many tickets were issued last week?|'issued' read as bought_at, the only date of tickets",
            "POTTERY|How many days on average is a tool kept?|from tool_loans.lent_on to tool_loans.returned_on",
            "POTTERY|For each commission, how many days from its order date to its delivery?|each row of commissions shown by its id"})
    void statesWhatItAssumed(String schema, String question, String assumption) {
        assertThat(OfflineAsk.assumed(question, snapshot(schema))).anyMatch(a -> a.contains(assumption));
    }

    /** A period of rows without dates of their own is not placed on the date of the row they belong to: left out, and said. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "POTTERY|How many defects last year?|year",
            "FERRY|complaints this month|month"})
    void leavesOutAPeriodOfRowsWithoutDates(String schema, String question, String word) {
        Translation t = OfflineAsk.translate(question, snapshot(schema));
        if (t instanceof Translation.Sql sql) {
            assertThat(sql.understanding().ignored()).as(question + " -> " + t).contains(word);
        } else {
            assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Refusal.class);
        }
    }

    /** A time whose figure or dates nothing names is asked about. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "FERRY|How long does a sailing take between departing and docking?",
            "POTTERY|What is the time between ordering a commission and delivering it?"})
    void doesNotGuessATimeNothingAsksFor(String schema, String question) {
        assertThat(OfflineAsk.refusal(question, snapshot(schema))).isNotBlank();
    }

    private static SchemaSnapshot snapshot(String name) {
        return "POTTERY".equals(name) ? POTTERY : FERRY;
    }
}
