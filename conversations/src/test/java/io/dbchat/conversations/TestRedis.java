package io.dbchat.conversations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real Redis on a free local port, for tests. */
public final class TestRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    public TestRedis() {
        port = freePort();
        server = RedisServer.builder().port(port).setting("bind 127.0.0.1").build();
        server.start();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
