package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.context.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Readings the answer must account for, each on schemas it was not written for (fleet, hotel, library, consultancy, a
 * transfer log): the noun a question asks about, a column named but not used, a join by one of several keys, a value
 * read from a word that only resembles it or that belongs to rows not named, "overdue", and follow-ups that are
 * whole questions of their own.
 */
class AccountedReadingsTest {

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    /** Depots and the transfers between them: two keys to the same table, the first by name is the destination. */
    private static final SchemaSnapshot TRANSFERS = new SchemaSnapshot(1, "transfers", "v-1", Instant.EPOCH, List.of(
            Schemas.table("depots", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text", "North", "South")), List.of()),
            new TableSchema("public", "transfers", "table", null, 100, List.of(Schemas.col("id", "integer"),
                    Schemas.col("destination_depot_id", "integer"), Schemas.col("origin_depot_id", "integer"),
                    Schemas.col("sent_on", "date"), Schemas.col("weight_kg", "numeric(8,1)")), List.of("id"), List.of(),
                    List.of(Schemas.fk("destination_depot_id", "depots"), Schemas.fk("origin_depot_id", "depots")))));

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "FLEET|Which mechanic repaired vehicle 4?|mechanic",
            "HOTEL|What is the name of the concierge at Seaview?|concierge",
            "LIBRARY|What's the resale value of our audio books?|resale",
            "CONSULTANCY|What bonus does each user get?|bonus",
            "LIBRARY|Why did members cancel?|Why"})
    void asksAboutTheNounTheQuestionAsksForWhenNoTableOrColumnHoldsIt(String schema, String question, String word) {
        assertThat(refusal(question, schema, List.of())).contains("'" + word + "'");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "LIBRARY|Show the fine amounts per month.|fine amounts|fine_amount",
            "HOTEL|What are the nightly rates per category?|nightly rates|nightly_rate",
            "FLEET|Show the distance km per month.|distance km|distance_km"})
    void aColumnNamedInFullIsInTheQueryWithItsReadingStatedOrAskedAbout(String schema, String question, String phrase,
                                                                      String column) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot(schema), List.of()));
        if (t instanceof Translation.Sql answered) {
            assertThat(answered.sql()).as(question).contains(column);
            assertThat(answered.understanding().assumed()).as(question).anyMatch(a -> a.contains(phrase));
        } else {
            assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Refusal.class);
            assertThat(((Translation.Refusal) t).problem().message()).contains("'" + phrase + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "How many transfers had their origin at North?|origin_depot_id",
            "Which depot is the origin of the most transfers?|origin_depot_id"})
    void aWordNamingOneOfSeveralKeysPicksTheJoin(String question, String key) {
        Translation.Sql answered = sql(question, "TRANSFERS", List.of());
        assertThat(answered.sql()).contains(key).doesNotContain("destination_depot_id");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "CONSULTANCY|How many complete projects are there?|'complete' read as status = 'Completed'",
            "FLEET|Which trips are arriving?|'arriving' read as status = 'arrived'",
            "FLEET|How many truck drivers are there?|'truck' read as vehicles kind = 'truck'",
            "LIBRARY|Which loans are overdue?|'overdue' read as returned_on empty and due_on before today"})
    void statesAValueReadFromAWordThatOnlyResemblesItOrOfRowsNotNamed(String schema, String question, String assumed) {
        assertThat(sql(question, schema, List.of()).understanding().assumed()).contains(assumed);
    }

    @ParameterizedTest(name = "{1} then {2}")
    @CsvSource(delimiter = '|', value = {
            "CONSULTANCY|How many projects are on hold?|What is the average budget?|SELECT avg(budget) AS avg_budget FROM projects WHERE status = 'On Hold'",
            "HOTEL|How many rooms are suites?|What is the average nightly rate?|SELECT avg(nightly_rate) AS avg_nightly_rate FROM rooms WHERE category = 'suite'",
            "FLEET|How many trips were aborted?|What is the average rating?|SELECT avg(rating) AS avg_rating FROM drivers",
            "CONSULTANCY|How many projects are on hold?|What is the average salary?|SELECT avg(salary) AS avg_salary FROM users"})
    void aFollowUpReplacesTheCountWithItsOwnMeasureAndAWholeQuestionOfOtherRowsStandsAlone(
            String schema, String first, String second, String expected) {
        List<Turn> history = new ArrayList<>(List.of(new Turn("q1", first, "SELECT 1", "an answer")));
        assertThat(sql(second, schema, history).sql()).isEqualTo(expected);
    }

    private Translation.Sql sql(String question, String schema, List<Turn> history) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot(schema), history));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        return (Translation.Sql) t;
    }

    private String refusal(String question, String schema, List<Turn> history) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), snapshot(schema), history));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Refusal.class);
        return ((Translation.Refusal) t).problem().message();
    }

    private static SchemaSnapshot snapshot(String schema) {
        return "TRANSFERS".equals(schema) ? TRANSFERS : Schemas.byName(schema);
    }
}
