package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static io.dbchat.translator.offline.Schemas.FLEET;
import static io.dbchat.translator.offline.Schemas.HOTEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.Understanding;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.context.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every word accounted for: a word left over is stated beside the answer, and a decisive one makes it ask back. */
class HonestyTest {

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @Test
    void answersWithTheWordsItDidNotUnderstandStated() {
        var sql = (Translation.Sql) translate("Roughly how many drivers are there?", FLEET, List.of());

        assertThat(sql.sql()).isEqualTo("SELECT count(*) AS count FROM drivers");
        assertThat(sql.understanding().ignored()).containsExactly("Roughly");
        assertThat(sql.understanding().understood()).containsExactly("a count of drivers");
        assertThat(sql.understanding().hasCaveats()).isTrue();
    }

    @Test
    void saysARankingIsOrderedByItsMeasureNotByTheLabelItShows() {
        var sql = (Translation.Sql) translate("Which guest has the most bookings?", HOTEL, List.of());

        assertThat(sql.understanding().understood())
                .containsExactly("a count of bookings", "guests ranked by a count of bookings, highest first", "the first 1");
    }

    @Test
    void saysHowItReadAStateWordThroughTheDates() {
        var sql = (Translation.Sql) translate("How many trips are still ongoing?", FLEET, List.of());

        assertThat(sql.sql()).isEqualTo("SELECT count(*) AS count FROM trips WHERE ended_at IS NULL");
        assertThat(sql.understanding().assumed()).containsExactly("'ongoing' read as ended_at empty");
        assertThat(sql.understanding().ignored()).isEmpty();
    }

    @Test
    void aFullyUnderstoodQuestionHasNoCaveats() {
        var sql = (Translation.Sql) translate("How many vans are there?", FLEET, List.of());

        assertThat(sql.understanding().hasCaveats()).isFalse();
        assertThat(sql.understanding().understood()).containsExactly("a count of vehicles", "kind = 'van'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Which drivers never drove an electric van?|'never'",
            "How many trips per fortnight?|'per'",
            "Guests who booked fewer than usual|'fewer', 'than'",
            "How many bookings in room 12?|'12'",
            "What is the fuel cost of trips?|'fuel'",
            "Which vehicles are roadworthy?|'roadworthy'",
            "Which hotel is the cosiest?|'cosiest'",
            "How much did guests spend?|'much'",
            "How many pending trips are there?|'pending'",
            "How many active guests are there?|'active'",
            "Which vehicles are available?|'available'"})
    void asksBackWhenADecisiveWordWasNotUnderstood(String question, String words) {
        var schema = question.contains("drivers") || question.contains("trips") || question.contains("vehicles") ? FLEET : HOTEL;

        var refusal = (Translation.Refusal) translate(question, schema, List.of());

        assertThat(refusal.problem().message()).startsWith("I did not understand " + words)
                .contains("leaving it out would change the answer");
    }

    @Test
    void saysWhichTableItTookAnUnknownWordFor() {
        var fuzzy = new OfflineTranslator(OfflineSettings.defaults());

        Translation t = fuzzy.translate(TranslationRequest.first(ask("How many cars are there?"), FLEET, List.of()));

        assertThat(t).isInstanceOf(Translation.Sql.class);
        Understanding u = ((Translation.Sql) t).understanding();
        assertThat(u.assumed()).singleElement().asString().contains("'cars' read as the table vehicles");
    }

    @Test
    void saysAnExistenceTestInWords() {
        var sql = (Translation.Sql) translate("Which guests have no bookings?", HOTEL, List.of());

        assertThat(sql.understanding().understood()).containsExactly("guests", "with no bookings");
    }

    @Test
    void aListingSaysItsOwnLimitAndTheCatalogsEstimate() {
        var sql = (Translation.Sql) translate("List the guests", HOTEL, List.of());

        assertThat(sql.sql()).endsWith("LIMIT 1000");
        assertThat(sql.understanding().listLimit()).isEqualTo(1000);
        assertThat(sql.understanding().estimatedRows()).isEqualTo(100L);
        assertThat(((Translation.Sql) translate("How many guests are there?", HOTEL, List.of())).understanding().listLimit())
                .isNull();
        var filtered = ((Translation.Sql) translate("List the guests from Chile", HOTEL, List.of())).understanding();
        assertThat(filtered.listLimit()).isEqualTo(1000);
        assertThat(filtered.estimatedRows()).as("the table's estimate would overstate a filtered list").isNull();
    }

    @Test
    void aNewQuestionWithUnknownWordsIsNotTakenForAFollowUp() {
        List<Turn> history = List.of(new Turn("q1", "Which guests are from Norway?",
                "SELECT full_name FROM guests WHERE nationality = 'Norway' LIMIT 1000", "3 guests"));

        Translation t = translate("What is the weather in Bergen tomorrow?", HOTEL, history);

        assertThat(t).isInstanceOf(Translation.Refusal.class);
    }

    @Test
    void aFollowUpThatFitsThePreviousQuestionStillRefinesIt() {
        List<Turn> history = List.of(new Turn("q1", "How many bookings are there?",
                "SELECT count(*) AS count FROM bookings", "40 bookings"));

        var sql = (Translation.Sql) translate("only the suites", HOTEL, history);

        assertThat(sql.sql()).isEqualTo("SELECT count(*) AS count FROM bookings b JOIN rooms r ON b.room_id = r.id "
                + "WHERE r.category = 'suite'");
    }

    private Translation translate(String question, SchemaSnapshot schema, List<Turn> history) {
        return translator.translate(TranslationRequest.first(ask(question), schema, history));
    }
}
