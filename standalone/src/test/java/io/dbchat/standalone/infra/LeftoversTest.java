package io.dbchat.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

    @TempDir
    Path dir;
    Process server;

    @AfterEach
    void cleanUp() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void stopsAServerThatAKilledProcessLeftRunning() throws Exception {
        server = new ProcessBuilder("sleep", "600").start();
        Files.writeString(dir.resolve("server.pid"), server.pid() + "\n/data\n");

        Leftovers.stop(dir.resolve("server.pid"), dir.resolve("lock"), "sleep");

        assertThat(server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void leavesAServerAloneWhoseDirectoryALiveOwnerHoldsLocked() throws Exception {
        server = new ProcessBuilder("sleep", "600").start();
        Files.writeString(dir.resolve("server.pid"), String.valueOf(server.pid()));
        try (var channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.lock()) {

            Leftovers.stop(dir.resolve("server.pid"), dir.resolve("lock"), "sleep");

            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void leavesAloneAProcessThatIsNotTheServer() throws Exception {
        server = new ProcessBuilder("sleep", "600").start();
        Files.writeString(dir.resolve("server.pid"), String.valueOf(server.pid()));

        Leftovers.stop(dir.resolve("server.pid"), null, "postgres");
        Thread.sleep(Duration.ofMillis(200));

        assertThat(server.isAlive()).isTrue();
    }
}
