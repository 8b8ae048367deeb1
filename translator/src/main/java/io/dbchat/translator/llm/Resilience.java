package io.dbchat.translator.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Calls a model with retries behind a {@link CircuitBreaker}: a retriable failure waits an exponential backoff
 * with full jitter (random in [0, min(max, base * 2^n)]) and tries again, up to {@code maxRetries} times.
 * Meant for virtual threads: the waits block only the calling one; an interrupted call (its query was cancelled) is
 * not tried again and counts as no outage.
 */
public final class Resilience {

    /** Retries after the first call, backoff base and cap, failures that open the circuit and for how long. */
    public record Settings(int maxRetries, Duration backoff, Duration maxBackoff, int breakerThreshold,
                           Duration breakerOpenFor) {
    }

    /** Waits between attempts; tests replace it to run without waiting. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Settings settings;
    private final CircuitBreaker breaker;
    private final Sleeper sleeper;
    private volatile String lastOutage;

    public Resilience(Settings settings, Clock clock) {
        this(settings, clock, Thread::sleep);
    }

    Resilience(Settings settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.breaker = new CircuitBreaker(settings.breakerThreshold(), settings.breakerOpenFor(), clock);
        this.sleeper = sleeper;
    }

    <T> T call(Supplier<T> call) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (!breaker.allows()) {
                throw new ProviderException(Failures.CIRCUIT_OPEN, "the language model failed repeatedly, so calls are paused", last);
            }
            try {
                T result = call.get();
                breaker.success();
                lastOutage = null;
                return result;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // the query was cancelled: no further attempt, and no outage of the model counted
                    throw new ProviderException(Failures.TIMEOUT, "interrupted: the query was cancelled", e);
                }
                String status = Failures.status(e);
                if (Failures.isOutage(status)) {
                    breaker.failure();
                    lastOutage = status + ": " + message(e);
                }
                if (!Failures.isRetriable(status)) {
                    throw new ProviderException(status, message(e), e);
                }
                last = e;
            }
            if (attempt < settings.maxRetries()) {
                pause(attempt);
            }
        }
        throw new ProviderException(Failures.status(last), message(last), last);
    }

    /**
     * Why calls to the model are paused (the circuit is open after repeated outages), with the last failure and
     * when calls resume; null while calls go through.
     */
    public String pausedBecause() {
        Instant until = breaker.openUntil();
        return until == null ? null
                : "the model failed repeatedly (last: " + lastOutage + "); calls resume at " + until;
    }

    private void pause(int attempt) {
        long cap = Math.min(settings.maxBackoff().toMillis(), settings.backoff().toMillis() << Math.min(attempt, 20));
        try {
            sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Failures.TIMEOUT, "interrupted while waiting to retry", e);
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
