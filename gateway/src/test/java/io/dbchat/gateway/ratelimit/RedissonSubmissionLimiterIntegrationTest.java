package io.dbchat.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.gateway.TestRedis;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.redis.RedisProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import reactor.test.StepVerifier;

/** The per-principal limit against a real Redis, and what happens while there is none (fail open). */
class RedissonSubmissionLimiterIntegrationTest {

    private static TestRedis redis;
    private static RedissonClient redisson;

    @BeforeAll
    static void startRedis() {
        redis = TestRedis.start();
        Config config = new Config();
        config.useSingleServer().setAddress(redis.url());
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void stopRedis() {
        redisson.shutdown();
        redis.close();
    }

    @Test
    void allowsPerMinutePermitsPerPrincipalThenRefusesWith429AndRetryAfter() {
        var meters = new SimpleMeterRegistry();
        var limiter = new RedissonSubmissionLimiter(redisson, new RateLimitProperties(3), Duration.ofSeconds(2),
                meters, Clock.systemUTC());

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(limiter.check("alice")).verifyComplete();
        }
        StepVerifier.create(limiter.check("alice"))
                .expectErrorSatisfies(e -> {
                    ProblemException p = (ProblemException) e;
                    assertThat(p.status()).isEqualTo(429);
                    assertThat(p.problem().code()).isEqualTo("rate_limited");
                    assertThat(p.headers().getFirst("Retry-After")).isEqualTo("20");
                })
                .verify(Duration.ofSeconds(5));
        // another principal has its own permits
        StepVerifier.create(limiter.check("bob")).verifyComplete();
        assertThat(meters.counter("dbchat.gateway.rate_limit.fail_open").count()).isZero();
    }

    @Test
    void allowsQuestionsAndCountsThemWhileRedisIsUnreachable() {
        var meters = new SimpleMeterRegistry();
        RedissonClient nowhere = Redisson.create(io.dbchat.gateway.redis.RedisTestSupport.config(
                new RedisProperties("redis://127.0.0.1:1", Duration.ofMillis(300))));
        try {
            var limiter = new RedissonSubmissionLimiter(nowhere, new RateLimitProperties(1), Duration.ofMillis(300),
                    meters, Clock.systemUTC());

            StepVerifier.create(limiter.check("alice")).verifyComplete();
            StepVerifier.create(limiter.check("alice")).verifyComplete();

            assertThat(meters.counter("dbchat.gateway.rate_limit.fail_open").count()).isEqualTo(2);
        } finally {
            nowhere.shutdown();
        }
    }

    @Test
    void checksNothingWhenTheLimitIsZero() {
        var limiter = new RedissonSubmissionLimiter(redisson, new RateLimitProperties(0), Duration.ofSeconds(1),
                new SimpleMeterRegistry(), Clock.systemUTC());

        for (int i = 0; i < 5; i++) {
            StepVerifier.create(limiter.check("carol")).verifyComplete();
        }
    }
}
