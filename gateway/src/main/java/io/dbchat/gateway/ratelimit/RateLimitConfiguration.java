package io.dbchat.gateway.ratelimit;

import io.dbchat.gateway.redis.RedisProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-principal submission limiter, backed by the gateway's Redis. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    SubmissionLimiter submissionLimiter(RedissonClient redisson, RateLimitProperties limits, RedisProperties redis,
                                        MeterRegistry meters, Clock clock) {
        return new RedissonSubmissionLimiter(redisson, limits, redis.timeout(), meters, clock);
    }
}
