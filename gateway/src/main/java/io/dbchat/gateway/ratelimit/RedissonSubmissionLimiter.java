package io.dbchat.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A Redisson {@code RRateLimiter} per principal, shared by every gateway instance: {@code perMinute}
 * permits per sliding minute. Fails open: when Redis errs or is slower than {@code timeout} the question
 * is allowed, counted in {@code dbchat.gateway.rate_limit.fail_open}, and Redis is left alone for a pause.
 */
public class RedissonSubmissionLimiter implements SubmissionLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedissonSubmissionLimiter.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RedissonClient redisson;
    private final long perMinute;
    private final Duration timeout;
    private final Counter failOpen;
    private final Clock clock;
    private volatile Instant skipUntil = Instant.MIN;

    public RedissonSubmissionLimiter(RedissonClient redisson, RateLimitProperties limits, Duration timeout,
                                     MeterRegistry meters, Clock clock) {
        this.redisson = redisson;
        this.perMinute = limits.perMinute();
        this.timeout = timeout;
        this.failOpen = Counter.builder("dbchat.gateway.rate_limit.fail_open")
                .description("Questions allowed without a rate-limit check because Redis was unavailable")
                .register(meters);
        this.clock = clock;
    }

    @Override
    public Mono<Void> check(String principal) {
        if (perMinute <= 0) {
            return Mono.empty();
        }
        if (clock.instant().isBefore(skipUntil)) {
            failOpen.increment();
            return Mono.empty();
        }
        // the rate is part of the name, so a changed setting starts a fresh limiter instead of keeping the old rate
        RRateLimiter limiter = redisson.getRateLimiter("dbchat:gateway:rate:" + perMinute + ":" + principal);
        return Mono.fromCompletionStage(() -> limiter.trySetRateAsync(RateType.OVERALL, perMinute, WINDOW))
                .then(Mono.fromCompletionStage(limiter::tryAcquireAsync))
                .timeout(timeout)
                .onErrorResume(this::allowWithoutRedis)
                .flatMap(allowed -> allowed ? Mono.<Void>empty()
                        : Mono.error(SubmissionLimiter.limited(principal, WINDOW.dividedBy(perMinute))));
    }

    private Mono<Boolean> allowWithoutRedis(Throwable error) {
        skipUntil = clock.instant().plus(PAUSE_AFTER_FAILURE);
        failOpen.increment();
        log.warn("Rate limit not checked (Redis unavailable: {}); allowing questions for the next {}",
                error.toString(), PAUSE_AFTER_FAILURE);
        return Mono.just(true);
    }
}
