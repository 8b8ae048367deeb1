package io.dbchat.standalone.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.translator.offline.OfflineTranslator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline translator on the development suites (heldout-v2 to heldout-v7) renamed the way real databases are named
 * ({@link RenamedSuites}): for each style, every suite's copy is scored and written to target/eval/renamed-{style}.*,
 * with the original names scored in the same run as the reference, and target/eval/renamed-summary.txt gives
 * correct / honest / wrong per style and the change against the original names. Reported, no goal; every renamed
 * gold query must run. The build scores the combined style ("real") alone; {@code -Drenamed.styles=all} scores every
 * style, {@code -Drenamed.styles=singular,abbreviated} the ones named, and {@code -Drenamed.seed=N} draws other copies.
 */
class RenamedEvaluationIntegrationTest {

    private static final String ORIGINAL = "original";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void scoresTheDevelopmentSuitesUnderRealWorldNames() throws Exception {
        long seed = Long.getLong("renamed.seed", 1);
        List<OfflineEvaluation.Suite> suites = Stream.of(OfflineEvaluation.HELD_OUT, OfflineEvaluation.HELD_OUT_V3,
                OfflineEvaluation.HELD_OUT_V4, OfflineEvaluation.HELD_OUT_V5, OfflineEvaluation.HELD_OUT_V6,
                OfflineEvaluation.HELD_OUT_V7).flatMap(List::stream).toList();
        List<String> styles = new ArrayList<>(List.of(ORIGINAL));
        // the build scores the combined style alone (a short profile); -Drenamed.styles=all scores every style
        String chosen = System.getProperty("renamed.styles", "real");
        for (RenamedSuites.Style style : RenamedSuites.Style.values()) {
            String name = style.name().toLowerCase(Locale.ROOT);
            if (chosen.equals("all") || List.of(chosen.split(",")).contains(name)) {
                styles.add(name);
            }
        }
        OfflineEvaluation evaluation = new OfflineEvaluation(postgres, new OfflineTranslator());
        Path dir = Path.of("target", "eval");
        Map<String, EvalReport> reports = new LinkedHashMap<>();
        for (String style : styles) {
            List<EvalOutcome> outcomes = new ArrayList<>();
            for (OfflineEvaluation.Suite suite : suites) {
                String sql = OfflineEvaluation.resource(suite.schemaResource());
                List<EvalQuestion> questions = QuestionFile.csv(OfflineEvaluation.resource(suite.questionsResource()));
                if (!style.equals(ORIGINAL)) {
                    RenamedSuites.Renamed copy = RenamedSuites.rename(suite.name(), sql, questions,
                            RenamedSuites.Style.valueOf(style.toUpperCase(Locale.ROOT)), seed);
                    sql = copy.schemaSql();
                    questions = copy.questions();
                    Files.createDirectories(dir.resolve("renamed-" + style));
                    Files.writeString(dir.resolve("renamed-" + style).resolve(suite.name() + ".sql"), sql,
                            StandardCharsets.UTF_8);
                }
                // a database of its own per style: the translator reads each schema version once and keeps it by name
                outcomes.addAll(evaluation.run(suite.name() + (style.equals(ORIGINAL) ? "" : "_" + style), sql, questions));
            }
            EvalReport report = new EvalReport("offline, " + style + " names", outcomes);
            OfflineEvaluation.write(report, dir, "renamed-" + style);
            reports.put(style, report);
        }
        String summary = summary(reports, seed);
        Files.writeString(dir.resolve("renamed-summary.txt"), summary, StandardCharsets.UTF_8);
        System.out.print(summary);
        reports.forEach((style, report) -> assertThat(report.outcomes()).as(style)
                .noneMatch(o -> o.reason().startsWith("the gold SQL failed")));
        assertThat(reports.get(ORIGINAL).outcomes()).hasSizeGreaterThanOrEqualTo(1000);
    }

    /** Correct / honest / wrong per style, and each style's change in points against the original names. */
    static String summary(Map<String, EvalReport> reports, long seed) {
        EvalReport original = reports.get(ORIGINAL);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Offline translator on heldout-v2..v7 renamed (seed %d); points against the original names%n", seed));
        s.append(String.format(Locale.ROOT, "%-12s %9s %9s %9s %9s %9s%n", "style", "correct", "honest", "wrong",
                "Δcorrect", "Δwrong"));
        reports.forEach((style, r) -> s.append(String.format(Locale.ROOT, "%-12s %8.1f%% %8.1f%% %8.1f%% %+9.1f %+9.1f%n",
                style, 100 * r.accuracy(), 100 * honest(r), 100 * r.confidentlyWrong(),
                100 * (r.accuracy() - original.accuracy()), 100 * (r.confidentlyWrong() - original.confidentlyWrong()))));
        return s.toString();
    }

    private static double honest(EvalReport r) {
        long honest = r.count(EvalOutcome.Verdict.REFUSED) + r.count(EvalOutcome.Verdict.HEDGED);
        return r.outcomes().isEmpty() ? 0 : (double) honest / r.outcomes().size();
    }
}
