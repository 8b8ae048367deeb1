package io.dbchat.standalone.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a TCP port on 127.0.0.1 that is free at the moment of asking. */
public final class FreePort {

    private FreePort() {
    }

    /** The given port when positive, otherwise one the operating system reports as free. */
    public static int orFree(int port) {
        return port > 0 ? port : pick();
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
