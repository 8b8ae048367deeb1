package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.SCHEMA;
import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineTranslatorTest {

    final OfflineTranslator translator = new OfflineTranslator();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "How many users are there?|SELECT count(*) AS count FROM users",
            "how many projects are there|SELECT count(*) AS count FROM projects",
            "Count the time entries|SELECT count(*) AS count FROM time_entries",
            "What is the number of timeEntries?|SELECT count(*) AS count FROM time_entries",
            "How many order lines are there?|SELECT count(*) AS count FROM \"Order Lines\""})
    void countsAnyPublishedTable(String question, String expected) {
        assertThat(sqlOf(question)).isEqualTo(expected);
    }

    @Test
    void listsThePublishedColumnsOfATable() {
        assertThat(sqlOf("List all users")).isEqualTo("SELECT id, full_name, email FROM users LIMIT 100");
        assertThat(sqlOf("Show me the projects")).isEqualTo("SELECT id, name FROM projects LIMIT 100");
    }

    @Test
    void refusesAQuestionAboutNoKnownTableAndSaysWhatItKnows() {
        var refusal = (Translation.Refusal) translator.translate(TranslationRequest.first(ask("How many unicorns are there?"), SCHEMA, List.of()));

        assertThat(refusal.problem().code()).isEqualTo("untranslatable");
        assertThat(refusal.problem().message()).contains("users", "projects", "time_entries");
    }

    @Test
    void refusesWhatItCannotComposeAndSuggestsWhatItCan() {
        var refusal = (Translation.Refusal) translator.translate(TranslationRequest.first(ask("Why are users sad?"), SCHEMA, List.of()));

        assertThat(refusal.problem().message()).contains("How many users are there?");
    }

    @Test
    void saysSoWhenTheDatabaseHasNoTables() {
        var empty = new SchemaSnapshot(1, "empty", "v0", Instant.EPOCH, List.of());

        var refusal = (Translation.Refusal) translator.translate(TranslationRequest.first(ask("How many users are there?"), empty, List.of()));

        assertThat(refusal.problem().code()).isEqualTo("no_schema");
        assertThat(refusal.problem().message()).contains("nothing to ask about");
    }

    private String sqlOf(String question) {
        return ((Translation.Sql) translator.translate(TranslationRequest.first(ask(question), SCHEMA, List.of()))).sql();
    }
}
