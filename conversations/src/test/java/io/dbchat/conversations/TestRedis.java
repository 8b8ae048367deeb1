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
        this(freePort());
    }

    /** On a given port: a test that starts Redis late (an outage at start) picks the port first. */
    public TestRedis(int port) {
        this.port = port;
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

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
