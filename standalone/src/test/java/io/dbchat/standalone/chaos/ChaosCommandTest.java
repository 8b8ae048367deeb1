package io.dbchat.standalone.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChaosCommandTest {

    @Test
    void theLongProfileKillsEveryInstanceThreeTimesAndStopsEveryDependencyTwice() {
        ChaosOptions o = ChaosCommand.parse(new String[] {"--profile", "long", "--work", "/tmp/w"});

        assertThat(o.questions()).isEqualTo(5000);
        assertThat(o.kills()).hasSize(3 * Cluster.INSTANCES.size()).containsAll(Cluster.INSTANCES);
        assertThat(o.outagesPerDependency()).isEqualTo(2);
        assertThat(o.work()).isEqualTo(Path.of("/tmp/w"));
        assertThat(o.recoveryFix()).isTrue();
        assertThat(o.serviceJars()).isNull();
    }

    @Test
    void theBuildProfileKillsAStageWithATwinAndAGatewayAndStopsEveryDependencyOnce() {
        ChaosOptions build = ChaosCommand.parse(new String[] {"--profile", "build"});
        ChaosOptions shortProfile = ChaosCommand.parse(new String[] {"--profile", "short"});

        assertThat(build.kills()).containsExactly("translator-a", "gateway-a");
        assertThat(shortProfile.kills()).containsExactly("translator-a", "executor", "interpreter", "gateway-a");
        assertThat(build.outagesPerDependency()).isEqualTo(shortProfile.outagesPerDependency()).isEqualTo(1);
        assertThat(build.questions()).isEqualTo(shortProfile.questions());
        assertThat(build.recoveryBound()).isEqualTo(shortProfile.recoveryBound());
    }

    @Test
    void optionsOverrideTheProfile() {
        ChaosOptions o = ChaosCommand.parse(new String[] {"--questions", "10", "--rate", "0.5", "--before-fix",
                "--recovery-bound", "90s", "--service-jars", ".", "--seed", "3"});

        assertThat(o.profile()).isEqualTo("short");
        assertThat(o.questions()).isEqualTo(10);
        assertThat(o.rate()).isEqualTo(0.5);
        assertThat(o.recoveryFix()).isFalse();
        assertThat(o.recoveryBound()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.serviceJars()).isEqualTo(Path.of("."));
        assertThat(o.seed()).isEqualTo(3);
    }

    @Test
    void unknownOptionsAndMissingValuesAreRefused() {
        assertThatThrownBy(() -> ChaosCommand.parse(new String[] {"--kill-everything", "now"}))
                .hasMessageContaining("unknown option --kill-everything");
        assertThatThrownBy(() -> ChaosCommand.parse(new String[] {"--questions"}))
                .hasMessageContaining("--questions needs a value");
        assertThatThrownBy(() -> ChaosCommand.parse(new String[] {"--profile", "medium"}))
                .hasMessageContaining("no such profile");
    }
}
