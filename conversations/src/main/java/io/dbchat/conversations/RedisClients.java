package io.dbchat.conversations;

import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** A Redisson client that starts without Redis (connecting lazily) and gives up fast when Redis is away. */
public final class RedisClients {

    private RedisClients() {
    }

    public static RedissonClient create(String url, Duration timeout) {
        int millis = (int) Math.max(100, timeout.toMillis());
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress(url).setTimeout(millis).setConnectTimeout(millis).setRetryAttempts(1)
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(16).setSubscriptionConnectionMinimumIdleSize(0);
        return Redisson.create(config);
    }
}
