package io.dbchat.translator.offline;

import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The in-process all-MiniLM-L6-v2 model finds tables that no name or synonym matches. */
class FuzzyTablesTest {

    private static final SchemaSnapshot SHOP = new SchemaSnapshot(1, "shop", "v-7", Instant.EPOCH, List.of(
            Schemas.table("clients", null, List.of(ColumnSchema.of("id", "integer", false)), List.of()),
            Schemas.table("users", null, List.of(ColumnSchema.of("id", "integer", false)), List.of()),
            Schemas.table("vehicles", null, List.of(ColumnSchema.of("id", "integer", false)), List.of()),
            Schemas.table("invoices", null, List.of(ColumnSchema.of("id", "integer", false)), List.of())));
    private static final AtomicInteger LOADS = new AtomicInteger();
    private static final FuzzyTables FUZZY = new FuzzyTables(() -> {
        LOADS.incrementAndGet();
        return new AllMiniLmL6V2EmbeddingModel();
    });

    @ParameterizedTest
    @CsvSource({"How many patrons are there?,clients", "How many customers are there?,clients",
            "How many cars are there?,vehicles", "List the autos,vehicles", "How many accounts exist?,users"})
    void findsTheTableAQuestionWordResembles(String question, String table) {
        var match = FUZZY.find(Token.of(question), SHOP);

        assertThat(match).isPresent();
        assertThat(match.get().table().name()).isEqualTo(table);
    }

    @Test
    void findsNothingForAWordLikeNoTable() {
        assertThat(FUZZY.find(Token.of("How many volcanoes erupted?"), SHOP)).isEmpty();
    }

    @Test
    void loadsTheModelOnceAndLetsTheTranslatorCountByAFuzzyTable() {
        var translator = new OfflineTranslator(OfflineSettings.defaults(), FUZZY);

        var sql = translator.translate(TranslationRequest.first(ask("How many cars are there?"), SHOP, List.of()));
        translator.translate(TranslationRequest.first(ask("How many autos are there?"), SHOP, List.of()));

        assertThat(((Translation.Sql) sql).sql()).isEqualTo("SELECT count(*) AS count FROM vehicles");
        assertThat(LOADS.get()).isEqualTo(1);
    }
}
