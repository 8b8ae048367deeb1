package io.dbchat.standalone.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code dbchat bench model --short} as the command runs it: the embedded default with its translator and
 * interpreter on the scripted model. The report must be well formed (every question accounted for, percentiles,
 * each stage's calls in flight over time, the memory probe); its figures are a benchmark's, not a test's.
 */
class ModelBenchIntegrationTest {

    @TempDir
    Path work;

    @Test
    void shortRunWritesAWellFormedReport() throws Exception {
        Path file = work.resolve("report.json");

        int exit = ModelBenchCommand.run(new String[] {"--short", "--report", file.toString()});

        JsonNode report = Json.MAPPER.readTree(Files.readString(file));
        assertThat(exit).isIn(0, 1);
        assertThat(report.path("profile").asString()).isEqualTo("short");
        int questions = report.path("questions").asInt();
        assertThat(questions).isPositive();
        assertThat(report.path("answered").asLong() + report.path("failed").asLong()).isEqualTo(questions);
        assertThat(exit == 0).isEqualTo(report.path("failed").asLong() == 0);
        assertThat(report.path("modelTranslations").asLong()).isPositive();
        assertThat(report.path("modelInterpretations").asLong()).isPositive();
        assertThat(report.path("latencyMs").propertyNames()).containsExactly("p50", "p90", "p99", "max");
        assertThat(report.path("maxInFlight").propertyNames())
                .containsExactly("clients", "gateway", "translator", "executor", "interpreter", "threads");
        assertThat(report.path("memory").path("idleBytes").asLong()).isPositive();
        JsonNode timeline = report.path("timeline");
        assertThat(timeline.isArray() && !timeline.isEmpty()).isTrue();
        assertThat(timeline.get(0).propertyNames())
                .contains("atMs", "clients", "gateway", "translator", "executor", "interpreter", "heapMb", "threads");
    }
}
