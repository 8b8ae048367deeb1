package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words that link rows to a related table ({@link LinkWords}), money words with a grouping ({@link MoneyWords}),
 * countries by name or adjective ({@link Countries}) and groupings named around a column ({@link GroupWords}), on two
 * schemas no evaluation set uses: dog kennels and a choir.
 */
class LinkedWordsTest {

    private static final SchemaSnapshot KENNELS = new SchemaSnapshot(1, "kennels", "v-1", Instant.EPOCH, List.of(
            Schemas.table("owners", null, List.of(Schemas.col("id", "integer"), Schemas.col("full_name", "text"),
                    Schemas.col("city", "text", "Lyon", "Ghent"), Schemas.col("country", "text", "FR", "BE", "GB")), List.of()),
            Schemas.table("dogs", null, List.of(Schemas.col("id", "integer"), Schemas.col("owner_id", "integer"),
                    Schemas.col("name", "text"), Schemas.col("coat_type", "text", "short", "wire"),
                    Schemas.check("size", "small", "medium", "large")), List.of(Schemas.fk("owner_id", "owners"))),
            Schemas.table("stays", null, List.of(Schemas.col("id", "integer"), Schemas.col("dog_id", "integer"),
                    Schemas.col("arrived_on", "date"), Schemas.col("nights", "integer"), Schemas.col("fee", "numeric")),
                    List.of(Schemas.fk("dog_id", "dogs")))));

    private static final SchemaSnapshot CHOIR = new SchemaSnapshot(1, "choir", "v-1", Instant.EPOCH, List.of(
            Schemas.table("singers", null, List.of(Schemas.col("id", "integer"), Schemas.col("full_name", "text"),
                    Schemas.col("nationality", "text"), Schemas.check("voice_type", "soprano", "alto", "tenor", "bass")), List.of()),
            Schemas.table("concerts", null, List.of(Schemas.col("id", "integer"), Schemas.col("title", "text"),
                    Schemas.col("city", "text", "Leeds", "Hull"), Schemas.col("held_on", "date")), List.of()),
            Schemas.table("tickets", null, List.of(Schemas.col("id", "integer"), Schemas.col("concert_id", "integer"),
                    Schemas.col("sold_on", "date"), Schemas.col("price", "numeric"), Schemas.check("category", "stalls", "balcony")),
                    List.of(Schemas.fk("concert_id", "concerts")))));

    private final OfflineTranslator translator = new OfflineTranslator(OfflineSettings.lexical());

    @Test
    void aRelatedTableReadThroughItsValueAndTheVerbsLinkingItAreUnderstood() {
        Translation.Sql dogs = sql("List the dogs belonging to owners who live in Lyon", KENNELS);
        assertThat(dogs.sql()).contains("JOIN owners").contains("city = 'Lyon'");
        assertThat(dogs.understanding().ignored()).isEmpty();

        Translation.Sql tickets = sql("List the tickets for concerts located in Leeds", CHOIR);
        assertThat(tickets.sql()).contains("JOIN concerts").contains("city = 'Leeds'");
        assertThat(tickets.understanding().ignored()).isEmpty();
    }

    @Test
    void aMoneyWordWithAGroupingSumsTheOneAmount() {
        Translation.Sql stays = sql("stays revenue per month", KENNELS);
        assertThat(stays.sql()).contains("sum(fee)").contains("date_trunc('month', arrived_on)");
        assertThat(stays.understanding().assumed()).contains("'revenue' read as the sum of fee");

        assertThat(sql("ticket takings per month", CHOIR).sql()).contains("sum(price)").contains("date_trunc('month', sold_on)");
    }

    @Test
    void aCountryNamedOrItsAdjectiveIsReadInTheStoredSpelling() {
        Translation.Sql owners = sql("How many owners are from France?", KENNELS);
        assertThat(owners.sql()).isEqualTo("SELECT count(*) AS count FROM owners WHERE country = 'FR'");
        assertThat(owners.understanding().assumed()).contains("'France' read as country = 'FR'");

        assertThat(sql("How many Belgian owners are there?", KENNELS).sql()).endsWith("WHERE country = 'BE'");
        assertThat(sql("List the German singers", CHOIR).sql()).contains("WHERE nationality = 'Germany'");
    }

    @Test
    void aGroupingIsNamedByTheWordsAroundItsColumn() {
        assertThat(sql("How many dogs of each type are there?", KENNELS).sql()).contains("GROUP BY coat_type");
        assertThat(sql("How many dogs per dog size?", KENNELS).sql()).contains("GROUP BY size");
        assertThat(sql("Break the dogs down by size.", KENNELS).sql()).contains("GROUP BY size");
        assertThat(sql("How many tickets per ticket category?", CHOIR).sql()).contains("GROUP BY category");
        assertThat(sql("How many singers are there of each kind of voice type?", CHOIR).sql()).contains("GROUP BY voice_type");
    }

    private Translation.Sql sql(String question, SchemaSnapshot schema) {
        Translation t = translator.translate(TranslationRequest.first(ask(question), schema, List.of()));
        assertThat(t).as(question + " -> " + t).isInstanceOf(Translation.Sql.class);
        return (Translation.Sql) t;
    }
}
