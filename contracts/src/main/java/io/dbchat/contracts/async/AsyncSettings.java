package io.dbchat.contracts.async;

import java.time.Duration;

/**
 * Bounds of a stage's calls in flight: how many at once across all its tasks, how long one may take
 * before it counts as failed, and how often completed calls are collected on the stream thread.
 */
public record AsyncSettings(int maxInFlight, Duration callTimeout, Duration collectEvery) {

    public AsyncSettings {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
    }

    public static AsyncSettings defaults() {
        return new AsyncSettings(512, Duration.ofSeconds(60), Duration.ofMillis(5));
    }
}
