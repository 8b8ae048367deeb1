package io.dbchat.standalone.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelBenchCommandTest {

    @Test
    void helpExitsZero() {
        assertThat(ModelBenchCommand.run(new String[] {"--help"})).isZero();
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(ModelBenchCommand.run(new String[] {"--questions"})).isEqualTo(2);
        assertThat(ModelBenchCommand.run(new String[] {"--frobnicate", "1"})).isEqualTo(2);
    }

    @Test
    void fullProfileByDefaultWithTwoSecondCalls() {
        ModelBenchOptions o = ModelBenchCommand.parse(new String[0]);

        assertThat(o.profile()).isEqualTo("full");
        assertThat(o.modelLatency()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.clients()).isEqualTo(2_000);
    }

    @Test
    void optionsOverrideTheProfileAndDottedArgumentsGoToTheStages() {
        ModelBenchOptions o = ModelBenchCommand.parse(new String[] {"--short", "--questions", "7", "--clients", "3",
                "--model-latency", "150ms", "--warmup", "0", "--no-memory-probe", "--report", "r.json",
                "--dbchat.interpreter.max-in-flight=256"});

        assertThat(o.profile()).isEqualTo("short");
        assertThat(o.questions()).isEqualTo(7);
        assertThat(o.clients()).isEqualTo(3);
        assertThat(o.modelLatency()).isEqualTo(Duration.ofMillis(150));
        assertThat(o.warmup()).isZero();
        assertThat(o.memoryProbe()).isFalse();
        assertThat(o.report()).isEqualTo(Path.of("r.json"));
        assertThat(o.stageArguments()).containsExactly("--dbchat.interpreter.max-in-flight=256");
    }

    @Test
    void refusesZeroClients() {
        assertThatThrownBy(() -> ModelBenchCommand.parse(new String[] {"--clients", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
