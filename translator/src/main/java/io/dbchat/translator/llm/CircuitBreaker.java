package io.dbchat.translator.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens after {@code threshold} provider failures in a row and refuses calls for {@code openFor}, so an outage
 * does not pile up hundreds of doomed calls. After that, calls go through again ("half open"): one success
 * closes it, one more failure opens it again. Thread-safe.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile long openUntil;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    boolean allows() {
        return clock.millis() >= openUntil;
    }

    /** When the circuit lets calls through again, if it is open now; else null. */
    Instant openUntil() {
        long until = openUntil;
        return clock.millis() < until ? Instant.ofEpochMilli(until) : null;
    }

    void success() {
        failures.set(0);
    }

    void failure() {
        if (failures.incrementAndGet() >= threshold) {
            openUntil = clock.millis() + openFor.toMillis();
            // half open once the wait is over: the next failure alone re-opens the circuit
            failures.set(threshold - 1);
        }
    }
}
