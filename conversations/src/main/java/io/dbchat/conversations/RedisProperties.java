package io.dbchat.conversations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the conversation records live ({@code dbchat.redis.url}, {@code DBCHAT_REDIS_URL}), and how long a call
 * may take ({@code dbchat.redis.timeout}).
 */
@ConfigurationProperties("dbchat.redis")
public record RedisProperties(
        @DefaultValue("redis://127.0.0.1:6379") String url,
        @DefaultValue("2s") Duration timeout) {
}
