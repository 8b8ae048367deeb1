package io.dbchat.gateway.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's RedissonClient, built from {@link RedisProperties} (no Redisson starter on purpose). It
 * connects lazily, on the first call, so a gateway starts and serves while Redis is down.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
public class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties redis) {
        return Redisson.create(config(redis));
    }

    static Config config(RedisProperties redis) {
        Config config = new Config();
        config.setLazyInitialization(true);
        int timeout = (int) Math.max(100, redis.timeout().toMillis());
        config.useSingleServer()
                .setAddress(redis.url())
                .setConnectTimeout(timeout)
                .setTimeout(timeout)
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(1)
                .setSubscriptionConnectionMinimumIdleSize(0);
        return config;
    }
}
