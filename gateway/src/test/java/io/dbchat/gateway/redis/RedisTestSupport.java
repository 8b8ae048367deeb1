package io.dbchat.gateway.redis;

import org.redisson.config.Config;

/** Gives tests the gateway's own Redisson settings (lazy connection, short timeouts). */
public final class RedisTestSupport {

    private RedisTestSupport() {
    }

    public static Config config(RedisProperties redis) {
        return RedisConfiguration.config(redis);
    }
}
