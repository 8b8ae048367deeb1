package io.dbchat.standalone.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineBenchOptionsTest {

    @Test
    void shortProfileIsSmallAndTheChartFollowsTheReport() {
        var options = PipelineBenchOptions.parse(new String[] {"--short", "--report", "out/run.json"});

        assertThat(options.sequential()).isEqualTo(20);
        assertThat(options.concurrency()).containsExactly(1, 8, 32);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.chart()).isEqualTo(Path.of("out/run.svg"));
        assertThat(options.profile()).isNull();
    }

    @Test
    void readsEveryOption() {
        var options = PipelineBenchOptions.parse(new String[] {"--rate", "5", "--sequential", "50", "--concurrency",
                "2, 4,64", "--duration", "3", "--chart", "c.svg", "--profile", "p.jfr"});

        assertThat(options.rate()).isEqualTo(5);
        assertThat(options.sequential()).isEqualTo(50);
        assertThat(options.concurrency()).isEqualTo(List.of(2, 4, 64));
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(600));
        assertThat(options.chart()).isEqualTo(Path.of("c.svg"));
        assertThat(options.profile()).isEqualTo(Path.of("p.jfr"));
    }

    @Test
    void refusesConcurrencyThatDoesNotRiseAndUnknownOptions() {
        assertThatThrownBy(() -> PipelineBenchOptions.parse(new String[] {"--concurrency", "8,4"}))
                .hasMessageContaining("rising");
        assertThatThrownBy(() -> PipelineBenchOptions.parse(new String[] {"--rate", "0"}))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> PipelineBenchOptions.parse(new String[] {"--fast", "1"}))
                .hasMessageContaining("unknown option --fast");
    }

    @Test
    void helpExitsZeroAndBadUsageTwo() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var o = new PrintStream(out, true, StandardCharsets.UTF_8);
        var e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(PipelineBenchCommand.run(new String[] {"--help"}, Map.of(), o, e)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: dbchat bench pipeline", "--short");
        assertThat(PipelineBenchCommand.run(new String[] {"--rate"}, Map.of(), o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected argument '--rate'");
    }
}
