package io.dbchat.translator.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What the model health reports: calls paused after repeated outages, with the reason, and resumed by themselves. */
class ModelPauseTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void callsArePausedWithTheReasonAfterRepeatedOutagesAndResumeByThemselves() {
        var clock = new ManualClock();
        var calls = new Resilience(new Resilience.Settings(0, Duration.ofMillis(1), Duration.ofMillis(1), 2,
                Duration.ofSeconds(30)), clock);
        assertThat(calls.pausedBecause()).isNull();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> calls.call(() -> {
                throw new UncheckedIOException(new IOException("Connection refused"));
            })).isInstanceOf(ProviderException.class);
        }

        assertThat(calls.pausedBecause()).contains("failed repeatedly").contains("Connection refused")
                .contains("2026-12-07T10:00:30Z");
        clock.now = clock.now.plusSeconds(31);
        assertThat(calls.pausedBecause()).isNull();
        assertThat(calls.call(() -> "SELECT 1")).isEqualTo("SELECT 1");
    }

    @Test
    void anInterruptedCallIsNotTriedAgainAndCountsAsNoOutage() throws Exception {
        var calls = new Resilience(new Resilience.Settings(3, Duration.ofMillis(1), Duration.ofMillis(1), 1,
                Duration.ofSeconds(30)), new ManualClock());
        var tries = new java.util.concurrent.atomic.AtomicInteger();
        Thread cancelled = Thread.ofVirtual().start(() -> {
            Thread.currentThread().interrupt(); // as a cancelled query's call is, while the HTTP client waits
            assertThatThrownBy(() -> calls.call(() -> {
                tries.incrementAndGet();
                throw new UncheckedIOException(new IOException("Connection refused"));
            })).isInstanceOf(ProviderException.class).hasMessageContaining("cancelled");
        });
        cancelled.join();

        assertThat(tries).hasValue(1);
        assertThat(calls.pausedBecause()).as("one failure would open this circuit").isNull();
    }
}
