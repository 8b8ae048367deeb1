package io.dbchat.standalone.infra;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisTest {

    @Test
    void answersPingUntilClosed() throws IOException {
        int port;
        try (EmbeddedRedis redis = new EmbeddedRedis(null, 0).start()) {
            port = redis.port();
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port);

            assertThat(send(redis, "PING")).containsExactly("+PONG");
        }

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void keepsKeysAcrossRestartInItsDataDirectory(@TempDir Path dataDir) throws IOException {
        try (EmbeddedRedis redis = new EmbeddedRedis(dataDir, 0).start()) {
            assertThat(send(redis, "SET dbchat:test hello")).containsExactly("+OK");
        }

        try (EmbeddedRedis restarted = new EmbeddedRedis(dataDir, 0).start()) {
            assertThat(send(restarted, "GET dbchat:test")).containsExactly("$5", "hello");
        }
    }

    /** Sends one inline command and reads the reply: one line, or two for a bulk string. */
    private static String[] send(EmbeddedRedis redis, String command) throws IOException {
        try (Socket socket = new Socket(redis.host(), redis.port());
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII))) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(US_ASCII));
            out.flush();
            String first = in.readLine();
            return first.startsWith("$") ? new String[] {first, in.readLine()} : new String[] {first};
        }
    }
}
