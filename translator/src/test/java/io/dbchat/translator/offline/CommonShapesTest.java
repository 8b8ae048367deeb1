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
 * The common shapes of business questions, each on two small schemas written here that no rule was written for (a
 * veterinary practice and a training company): several figures per group, a count beside figures, totals per period,
 * column names that hold "number", ranges of two bound columns, an event's date named by its verb, orders from one end
 * to the other, "most ... first", groups that show their key, denials ("haven't ... a single", "never had one
 * cancelled", "never visited", "no visitors") whose rows' columns are never shown, the date a period falls on, counts
 * that are present ("came with follow ups"), durations between two dates, rankings by money spent, and the key chosen
 * between two tables joined by several.
 */
class CommonShapesTest {

    /** A veterinary practice: owners, pets, vets, procedures and visits. */
    static final SchemaSnapshot VET = new SchemaSnapshot(1, "vet", "v-1", Instant.EPOCH, List.of(
            table("owners", null, List.of(col("id", "integer"), col("full_name", "text"), col("city", "text", "Ghent", "Namur"),
                    col("joined_on", "date"), nullable("left_on", "date")), List.of()),
            table("pets", null, List.of(col("id", "integer"), col("owner_id", "integer"), col("name", "text"),
                    check("species", "dog", "cat", "rabbit"), col("chip_number", "text"), col("weight_kg", "numeric(5,1)"),
                    col("born_on", "date")), List.of(fk("owner_id", "owners"))),
            table("vets", null, List.of(col("id", "integer"), col("name", "text"), col("years_experience", "integer")), List.of()),
            table("procedures", null, List.of(col("id", "integer"), col("title", "text", "Vaccination", "Dental care"),
                    col("estimate_low", "numeric(8,2)"), col("estimate_high", "numeric(8,2)")), List.of()),
            table("visits", null, List.of(col("id", "integer"), col("pet_id", "integer"), col("vet_id", "integer"),
                    col("procedure_id", "integer"), col("booked_on", "date"), col("visit_fee", "numeric(8,2)"),
                    col("minutes", "integer"), col("follow_ups", "integer"), check("status", "booked", "done", "cancelled")),
                    List.of(fk("pet_id", "pets"), fk("vet_id", "vets"), fk("procedure_id", "procedures"))),
            table("transfers", null, List.of(col("id", "integer"), col("pet_id", "integer"), col("from_owner_id", "integer"),
                    col("to_owner_id", "integer"), col("moved_on", "date")),
                    List.of(fk("pet_id", "pets"), fk("from_owner_id", "owners"), fk("to_owner_id", "owners"))),
            table("memberships", null, List.of(col("id", "integer"), col("owner_id", "integer"), check("plan", "basic", "plus"),
                    col("started_on", "date"), col("ends_on", "date")), List.of(fk("owner_id", "owners")))));

    /** A training company: trainers, courses, students and enrolments. */
    static final SchemaSnapshot TRAINING = new SchemaSnapshot(1, "training", "v-1", Instant.EPOCH, List.of(
            table("trainers", null, List.of(col("id", "integer"), col("name", "text"), col("hired_on", "date"),
                    col("years_experience", "integer")), List.of()),
            table("courses", null, List.of(col("id", "integer"), col("trainer_id", "integer"), col("title", "text", "Excel", "SQL"),
                    col("course_number", "text"), check("level", "beginner", "advanced"), col("fee", "numeric(8,2)"),
                    col("seats", "integer"), col("age_min", "integer"), col("age_max", "integer"), col("launched_on", "date"),
                    nullable("retired_on", "date"),
                    check("status", "draft", "launched", "retired")), List.of(fk("trainer_id", "trainers"))),
            table("students", null, List.of(col("id", "integer"), col("name", "text"), col("city", "text", "Leeds", "York")),
                    List.of()),
            table("enrolments", null, List.of(col("id", "integer"), col("course_id", "integer"), col("student_id", "integer"),
                    col("enrolled_on", "date"), col("home_city_id", "integer"), col("exam_city_id", "integer"), col("amount_paid", "numeric(8,2)"), nullable("score", "integer"),
                    col("absences", "integer")),
                    List.of(fk("course_id", "courses"), fk("student_id", "students"), fk("home_city_id", "cities"),
                            fk("exam_city_id", "cities"))),
            table("cities", null, List.of(col("id", "integer"), col("name", "text", "Leeds", "Derby")), List.of())));

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "figures per group|VET|For each status, what are the cheapest and the most expensive visit fees?|SELECT status AS status, min(visit_fee) AS min_visit_fee, max(visit_fee) AS max_visit_fee FROM visits GROUP BY status ORDER BY 1",
            "figures per group|TRAINING|For each level, what's the cheapest and most expensive fee?|SELECT level AS level, min(fee) AS min_fee, max(fee) AS max_fee FROM courses GROUP BY level ORDER BY 1",
            "count and figures|VET|Give me the number of visits and the average visit fee per status.|SELECT status AS status, count(*) AS count, avg(visit_fee) AS avg_visit_fee FROM visits GROUP BY status ORDER BY 1",
            "count and figures|TRAINING|Per level, give me the number of courses and the total seats.|SELECT level AS level, count(*) AS count, sum(seats) AS sum_seats FROM courses GROUP BY level ORDER BY 1",
            "count and figures|TRAINING|What's the number of enrolments, the average score and the best score?|SELECT count(*) AS count, avg(score) AS avg_score, max(score) AS max_score FROM enrolments",
            "count and figures|VET|What's the number of visits, the average minutes and the highest minutes?|SELECT count(*) AS count, max(minutes) AS max_minutes, avg(minutes) AS avg_minutes FROM visits",
            "totals per period|VET|Show the visit fees per month.|SELECT date_trunc('month', booked_on) AS month, sum(visit_fee) AS sum_visit_fee FROM visits GROUP BY date_trunc('month', booked_on) ORDER BY 1",
            "totals per period|TRAINING|Show the amounts paid per year.|SELECT date_trunc('year', enrolled_on) AS year, sum(amount_paid) AS sum_amount_paid FROM enrolments GROUP BY date_trunc('year', enrolled_on) ORDER BY 1",
            "number in a name|VET|List the chip numbers of the rabbits.|SELECT name, chip_number FROM pets WHERE species = 'rabbit' LIMIT 1000",
            "number in a name|TRAINING|List the course numbers of the advanced courses.|SELECT title, course_number FROM courses WHERE level = 'advanced' LIMIT 1000",
            "range|VET|Show the procedures with their titles and estimate ranges.|SELECT estimate_low, estimate_high, title FROM procedures LIMIT 1000",
            "range|TRAINING|Show the advanced courses with their titles and age ranges.|SELECT age_min, age_max, title FROM courses WHERE level = 'advanced' LIMIT 1000",
            "event verb|VET|How many visits were booked each month?|SELECT date_trunc('month', booked_on) AS month, count(*) AS count FROM visits GROUP BY date_trunc('month', booked_on) ORDER BY 1",
            "event verb|TRAINING|How many courses were launched each year?|SELECT date_trunc('year', launched_on) AS year, count(*) AS count FROM courses GROUP BY date_trunc('year', launched_on) ORDER BY 1",
            "ends|VET|List the owners from the longest-standing to the newest.|SELECT id, full_name, city, joined_on, left_on FROM owners ORDER BY joined_on LIMIT 1000",
            "ends|TRAINING|List the trainers from the longest-serving to the newest.|SELECT id, name, hired_on, years_experience FROM trainers ORDER BY hired_on LIMIT 1000",
            "first|VET|Show the vets, most experienced first.|SELECT id, name, years_experience FROM vets ORDER BY years_experience DESC LIMIT 1000",
            "first|TRAINING|Show the trainers, most experienced first.|SELECT id, name, hired_on, years_experience FROM trainers ORDER BY years_experience DESC LIMIT 1000",
            "group key|VET|For each procedure, how many visits has it had?|SELECT p.id, p.title, count(v.id) AS count FROM procedures p LEFT JOIN visits v ON v.procedure_id = p.id GROUP BY p.id, p.title ORDER BY 1",
            "denial|VET|Which vets haven't had a single visit?|SELECT v.id, v.name, v.years_experience FROM vets v WHERE NOT EXISTS (SELECT 1 FROM visits x1 WHERE x1.vet_id = v.id) LIMIT 1000",
            "denial|TRAINING|Which trainers haven't taught a single course?|SELECT t.id, t.name, t.hired_on, t.years_experience FROM trainers t WHERE NOT EXISTS (SELECT 1 FROM courses x1 WHERE x1.trainer_id = t.id) LIMIT 1000",
            "denied state|VET|Which pets have never had a visit cancelled?|SELECT p.id, p.owner_id, p.name, p.species, p.chip_number, p.weight_kg, p.born_on FROM pets p WHERE NOT EXISTS (SELECT 1 FROM visits x1 WHERE x1.pet_id = p.id AND x1.status = 'cancelled') LIMIT 1000",
            "denied state|TRAINING|Which trainers have never had a course retired?|SELECT t.id, t.name, t.hired_on, t.years_experience FROM trainers t WHERE NOT EXISTS (SELECT 1 FROM courses x1 WHERE x1.trainer_id = t.id AND x1.status = 'retired') LIMIT 1000",
            "ending verb|VET|Which memberships end in the next 30 days?|SELECT id, owner_id, plan, started_on, ends_on FROM memberships WHERE ends_on >= current_date AND ends_on < current_date + interval '30 days' LIMIT 1000",
            "ending verb|TRAINING|Which courses retire in the next 30 days?|SELECT id, trainer_id, title, course_number, level, fee, seats, age_min, age_max, launched_on, retired_on, status FROM courses WHERE retired_on >= current_date AND retired_on < current_date + interval '30 days' LIMIT 1000",
            "counted presence|VET|How many visits came with follow ups?|SELECT count(*) AS count FROM visits WHERE follow_ups > 0",
            "counted presence|VET|How many visits had no follow ups?|SELECT count(*) AS count FROM visits WHERE follow_ups = 0",
            "counted presence|TRAINING|How many enrolments have absences?|SELECT count(*) AS count FROM enrolments WHERE absences > 0",
            "counted presence|VET|List the visits with follow ups.|SELECT id, follow_ups FROM visits LIMIT 1000",
            "counted presence|TRAINING|How many enrolments without absences?|SELECT count(*) AS count FROM enrolments WHERE absences = 0",
            "duration|VET|On average, how many days pass between the start and the end of a membership?|SELECT avg((ends_on - started_on)) AS avg_days FROM memberships",
            "duration|TRAINING|On average, how many days pass between the launch and the retirement of courses?|SELECT avg((retired_on - launched_on)) AS avg_days FROM courses",
            "duration|VET|How many days, on average, did we keep the owners who have since left?|SELECT avg((left_on - joined_on)) AS avg_days FROM owners",
            "duration|TRAINING|How many days on average did we run the courses we have since retired?|SELECT avg((retired_on - launched_on)) AS avg_days FROM courses",
            "money spent|VET|Which 2 owners have spent the most on visits?|SELECT o.full_name, coalesce(sum(v.visit_fee), 0) AS sum_visit_fee FROM owners o LEFT JOIN pets p ON p.owner_id = o.id LEFT JOIN visits v ON v.pet_id = p.id GROUP BY o.id, o.full_name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 2",
            "money spent|TRAINING|Which 3 students have spent the most on enrolments?|SELECT s.name, coalesce(sum(e.amount_paid), 0) AS sum_amount_paid FROM students s LEFT JOIN enrolments e ON e.student_id = s.id GROUP BY s.id, s.name ORDER BY 2 DESC NULLS LAST, 1 LIMIT 3",
            "denied verb|VET|Which pets have never visited?|SELECT p.id, p.owner_id, p.name, p.species, p.chip_number, p.weight_kg, p.born_on FROM pets p WHERE NOT EXISTS (SELECT 1 FROM visits x1 WHERE x1.pet_id = p.id) LIMIT 1000",
            "denied verb|TRAINING|Which students have never enrolled?|SELECT s.id, s.name, s.city FROM students s WHERE NOT EXISTS (SELECT 1 FROM enrolments x1 WHERE x1.student_id = s.id) LIMIT 1000",
            "denied noun|VET|Which vets have had no visitors at all?|SELECT v.id, v.name, v.years_experience FROM vets v WHERE NOT EXISTS (SELECT 1 FROM visits x1 WHERE x1.vet_id = v.id) LIMIT 1000",
            "denied noun|TRAINING|Which courses have had no enrollers?|SELECT c.id, c.trainer_id, c.title, c.course_number, c.level, c.fee, c.seats, c.age_min, c.age_max, c.launched_on, c.retired_on, c.status FROM courses c WHERE NOT EXISTS (SELECT 1 FROM enrolments x1 WHERE x1.course_id = c.id) LIMIT 1000",
            "role key|VET|How many transfers went to each owner?|SELECT o.full_name AS owner, count(t.id) AS count FROM owners o LEFT JOIN transfers t ON t.to_owner_id = o.id GROUP BY o.id, o.full_name ORDER BY 1",
            "role key|TRAINING|How many enrolments have their exam in Derby?|SELECT count(*) AS count FROM enrolments e JOIN cities c ON e.exam_city_id = c.id WHERE c.name = 'Derby'",
            "group key|TRAINING|For each course, how many enrolments has it had?|SELECT c.id, c.title, count(e.id) AS count FROM courses c LEFT JOIN enrolments e ON e.course_id = c.id GROUP BY c.id, c.title ORDER BY 1"})
    void answersEachShapeExactly(String shape, String schema, String question, String expected) {
        assertThat(sqlOf(question, schema)).isEqualTo(expected);
    }

    /** A rule that is unsure leaves the words unread, so the translator asks back or says what it left out. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "VET|Show the pet weights per species.",
            "TRAINING|Show the scores per course.",
            "VET|Which visits cost per minutes?",
            "TRAINING|List the advanced courses and what they cost per fee."})
    void neverGuessesTheShape(String schema, String question) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot(schema), List.of()));
        boolean hedged = t instanceof Translation.Sql sql
                && (!sql.understanding().ignored().isEmpty() || !sql.understanding().assumed().isEmpty());
        assertThat(t instanceof Translation.Refusal || hedged).as(question + " -> " + t).isTrue();
        if (t instanceof Translation.Sql sql) {
            assertThat(sql.sql()).as(question).doesNotContain("sum(");
        }
    }

    /** A period on a table of several dates, none named, says which date it read. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "VET|How many memberships were there last year?|started_on",
            "TRAINING|How many courses last year?|launched_on"})
    void statesTheDateAPeriodWasReadOn(String schema, String question, String date) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot(schema), List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        assertThat(((Translation.Sql) t).understanding().assumed()).as(question).anyMatch(a -> a.contains(date));
    }

    /** The rows a question denies are tested with NOT EXISTS; none of their columns is shown or joined. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "VET|Which pets have never had a visit fee?",
            "TRAINING|Which students have never had an enrolment score?"})
    void showsNoColumnOfDeniedRows(String schema, String question) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot(schema), List.of()));
        if (t instanceof Translation.Sql sql) {
            assertThat(sql.sql()).as(question).contains("NOT EXISTS").doesNotContain(" JOIN ");
        }
    }

    private static SchemaSnapshot snapshot(String schema) {
        return schema.equals("VET") ? VET : TRAINING;
    }

    private String sqlOf(String question, String schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot(schema), List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        return ((Translation.Sql) t).sql();
    }
}
