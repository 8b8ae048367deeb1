package io.dbchat.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStoreTest {

    @TempDir
    Path dir;

    /** A clock the test moves forward by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void readsTheFileAgainWhenItChangesWithoutARestart() throws Exception {
        Path file = write("clients: \"country = :region\"", Instant.parse("2026-01-01T00:00:00Z"));
        Hand clock = new Hand();
        PolicyStore store = new PolicyStore(file, Duration.ofSeconds(2), clock);
        assertThat(store.of("shop").rows()).containsEntry("clients", "country = :region");

        write("clients: \"country = :country\"", Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(store.of("shop").rows()).as("not looked at again within the interval")
                .containsEntry("clients", "country = :region");
        clock.now = clock.now.plusSeconds(3);
        assertThat(store.of("shop").rows()).containsEntry("clients", "country = :country");
    }

    @Test
    void aBadEditLeavesTheLastPoliciesInForce() throws Exception {
        Path file = write("clients: \"country = :region\"", Instant.parse("2026-01-01T00:00:00Z"));
        Hand clock = new Hand();
        PolicyStore store = new PolicyStore(file, Duration.ofSeconds(1), clock);
        String version = store.current().version();

        Files.writeString(file, "datasources: [broken");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:02:00Z")));
        clock.now = clock.now.plusSeconds(2);

        assertThat(store.current().version()).isEqualTo(version);
        assertThat(store.of("shop").rows()).containsEntry("clients", "country = :region");
    }

    @Test
    void aBadFileStopsTheStartAndNoFileMeansNoPolicies() throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "datasources: [broken");

        assertThatThrownBy(() -> new PolicyStore(file, Duration.ofSeconds(1), Clock.systemUTC()))
                .hasMessageContaining("is not valid");
        assertThatThrownBy(() -> new PolicyStore(dir.resolve("absent.yml"), Duration.ofSeconds(1), Clock.systemUTC()))
                .hasMessageContaining("cannot be read");
        assertThat(PolicyStore.none().of("shop").isEmpty()).isTrue();
    }

    private Path write(String rows, Instant modified) throws Exception {
        Path file = dir.resolve("policies.yml");
        Files.writeString(file, "datasources:\n  shop:\n    rows:\n      " + rows + "\n");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
