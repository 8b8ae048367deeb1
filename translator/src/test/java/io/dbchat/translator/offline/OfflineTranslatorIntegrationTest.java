package io.dbchat.translator.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.SchemaSnapshot;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every construct the offline translator composes, against real PostgreSQL with the demo schema and data:
 * the generated SQL must return what the gold SQL returns (compared as the eval command compares).
 */
class OfflineTranslatorIntegrationTest {

    private static DataSource db;
    private static SchemaSnapshot schema;
    private static final OfflineTranslator TRANSLATOR = new OfflineTranslator(OfflineSettings.lexical());

    @BeforeAll
    static void loadTheDemoDatabase() {
        db = TestDatabase.database("demo", TestDatabase.DEMO_SCHEMA, TestDatabase.DEMO_DATA);
        schema = CatalogSnapshot.read(db, "demo");
    }

    static Stream<AccuracyHarness.Question> constructs() throws IOException, URISyntaxException {
        return AccuracyHarness.read(Path.of(OfflineTranslatorIntegrationTest.class.getResource("/offline/constructs.csv").toURI())).stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("constructs")
    void answersLikeTheGoldSql(AccuracyHarness.Question question) {
        var outcome = AccuracyHarness.run(List.of(question), db, schema, TRANSLATOR).outcomes().getFirst();

        assertThat(outcome.correct()).as("%s%n  got: %s%n  why: %s", question, outcome.sql(), outcome.reason()).isTrue();
    }
}
