package io.dbchat.standalone.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code dbchat bench pipeline --short} end to end: the bare chain and the whole path on one embedded broker. Checks
 * that the report and the chart are well formed and every question was answered, never the figures themselves.
 */
class PipelineBenchIntegrationTest {

    @Test
    void shortProfileWritesAWellFormedReportAndChart(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("bench.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = PipelineBenchCommand.run(new String[] {"--short", "--report", report.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("dbchat / bare chain: one at a time p50",
                "commit wait: dbchat.sql", "executor: processing (its own timing)", "delivery: dbchat.replies");
        JsonNode json = Json.MAPPER.readTree(Files.readString(report));
        assertThat(json.get("settings").get("processing_guarantee").asString()).isEqualTo("exactly_once_v2");
        for (String run : new String[] {"bare", "dbchat"}) {
            JsonNode r = json.get(run);
            assertThat(r.get("topics")).hasSize(4);
            assertThat(r.get("record_sizes")).hasSize(4);
            assertThat(r.get("sequential").get("answered").asInt()).as(run).isEqualTo(20);
            assertThat(r.get("sequential").get("failed").asInt()).as(run).isZero();
            assertThat(r.get("sequential").get("p50").asDouble()).as(run).isPositive();
            assertThat(r.get("breakdown").get("questions").asInt()).as(run).isPositive();
            assertThat(r.get("breakdown").get("parts").size()).as(run).isGreaterThanOrEqualTo(9);
            assertThat(r.get("steps").size()).as(run).isBetween(1, 3);
            r.get("steps").forEach(step -> {
                assertThat(step.get("answered").asInt()).as(run).isPositive();
                assertThat(step.get("failed").asInt()).as(run).isZero();
            });
        }
        assertThat(json.get("ratios").get("sequential_p50").asDouble()).isPositive();
        assertThat(json.get("ratios").get("steps").size()).isPositive();
        String svg = Files.readString(dir.resolve("bench.svg"));
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("polyline", "answers per second",
                "p50 latency (ms)", "bare Kafka Streams chain", "dbchat, offline translator");
    }
}
