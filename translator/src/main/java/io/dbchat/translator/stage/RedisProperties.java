package io.dbchat.translator.stage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where conversation history lives ({@code dbchat.redis.url}, {@code DBCHAT_REDIS_URL}). */
@ConfigurationProperties("dbchat.redis")
public record RedisProperties(@DefaultValue("redis://127.0.0.1:6379") String url) {
}
