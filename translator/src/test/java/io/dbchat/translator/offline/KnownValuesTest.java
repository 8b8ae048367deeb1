package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name typed in a question, read against the values the catalog published for the label it names (written for the
 * consultancy demo's "Data" team, checked on the fleet, library and hotel schemas): the one near value is used and said,
 * several or none are asked about, a label without published values is taken as typed.
 */
class KnownValuesTest {

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @Test
    void aNameThatStartsOneStoredValueIsThatValueSaidAsAnAssumption() {
        Translation.Sql t = sql("How many drivers are in the Harb depot?", Schemas.FLEET);

        assertThat(t.sql()).isEqualTo("SELECT count(*) AS count FROM drivers d JOIN depots d2 ON d.depot_id = d2.id "
                + "WHERE d2.name = 'Harbour'");
        assertThat(t.understanding().assumed()).containsExactly("'Harb' means the depot 'Harbour'");
    }

    @Test
    void aNameWhoseWordsAreAllInOneStoredValueIsThatValue() {
        SchemaSnapshot library = withBranches("Central Library", "Riverside Annex");
        Translation.Sql t = sql("List the members of the Riverside branch", library);

        assertThat(t.sql()).contains("b.name = 'Riverside Annex'");
        assertThat(t.understanding().assumed()).containsExactly("'Riverside' means the branch 'Riverside Annex'");
    }

    @Test
    void aNameSeveralStoredValuesFitIsAskedAbout() {
        SchemaSnapshot library = withBranches("North Central", "South Central", "Harbour");
        String message = refusal("How many members are in the Central branch?", library);

        assertThat(message).contains("'Central' could be the branch 'North Central' or 'South Central'");
    }

    @Test
    void aNameNoStoredValueFitsSaysSoWithTheKnownValues() {
        assertThat(refusal("How many drivers are in the South depot?", Schemas.FLEET))
                .startsWith("I found no depot named 'South'; the depots I know are 'North', 'Harbour' and 'Airport'.");
        assertThat(refusal("List the employees in the Data team", Schemas.CONSULTANCY))
                .startsWith("I found no team named 'Data'; the teams I know are 'Mobile' and 'Platform'.");
    }

    @Test
    void aLabelWithoutPublishedValuesTakesTheNameAsTyped() {
        SchemaSnapshot hotel = new SchemaSnapshot(1, "hotel", "v-1", java.time.Instant.EPOCH, List.of(
                Schemas.table("hotels", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text")), List.of()),
                Schemas.table("rooms", null, List.of(Schemas.col("id", "integer"), Schemas.col("hotel_id", "integer"),
                        Schemas.col("beds", "integer")), List.of(Schemas.fk("hotel_id", "hotels")))));

        Translation.Sql t = sql("How many rooms are in the Seaview hotel?", hotel);

        assertThat(t.sql()).endsWith("WHERE h.name = 'Seaview'");
        assertThat(t.understanding().assumed()).isEmpty();
    }

    @Test
    void readsTheStoredSpellingOfAValue() {
        assertThat(KnownValues.read("data & analytics", label("Data & Analytics", "Mobile")))
                .isEqualTo(new KnownValues.Reading(KnownValues.Kind.EXACT, List.of("Data & Analytics")));
        assertThat(KnownValues.read("Data", label("Data & Analytics", "Mobile")))
                .isEqualTo(new KnownValues.Reading(KnownValues.Kind.NEAR, List.of("Data & Analytics")));
        assertThat(KnownValues.read("Ops", label("Data & Analytics", "Mobile")).kind()).isEqualTo(KnownValues.Kind.NONE);
        assertThat(KnownValues.read("Ops", label()).kind()).isEqualTo(KnownValues.Kind.UNPUBLISHED);
    }

    private static Col label(String... values) {
        return Col.of(Schemas.table("teams", null, List.of(Schemas.col("name", "text", values)), List.of()),
                Schemas.col("name", "text", values));
    }

    private static SchemaSnapshot withBranches(String... names) {
        return new SchemaSnapshot(1, "library", "v-1", java.time.Instant.EPOCH, List.of(
                Schemas.table("branches", null, List.of(Schemas.col("id", "integer"), Schemas.col("name", "text", names)), List.of()),
                Schemas.table("members", null, List.of(Schemas.col("id", "integer"), Schemas.col("branch_id", "integer"),
                        Schemas.col("full_name", "text")), List.of(Schemas.fk("branch_id", "branches")))));
    }

    private Translation.Sql sql(String question, SchemaSnapshot schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), schema, List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        return (Translation.Sql) t;
    }

    private String refusal(String question, SchemaSnapshot schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), schema, List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Refusal.class);
        return ((Translation.Refusal) t).problem().message();
    }
}
