package io.dbchat.translator.context;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** A Redisson client that starts without Redis (lazily connecting) and gives up fast when Redis is away. */
public final class RedisClients {

    private static final int TIMEOUT_MS = 2_000;

    private RedisClients() {
    }

    public static RedissonClient create(String url) {
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress(url).setTimeout(TIMEOUT_MS).setConnectTimeout(TIMEOUT_MS).setRetryAttempts(1)
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(16);
        return Redisson.create(config);
    }
}
