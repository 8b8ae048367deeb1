package io.dbchat.gateway.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway's Redis is ({@code dbchat.redis.url}, DBCHAT_REDIS_URL), and how long a call may take
 * before the gateway gives up on it and carries on without Redis (fail open).
 */
@ConfigurationProperties("dbchat.redis")
public record RedisProperties(
        @DefaultValue("redis://127.0.0.1:6379") String url,
        @DefaultValue("500ms") Duration timeout) {
}
