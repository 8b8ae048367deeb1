package io.dbchat.standalone.infra;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis server (the binary bundled in cn.ponfee:embedded-redis) as a child process on 127.0.0.1. With
 * a data directory it snapshots there and keeps its keys across restarts; without one it persists nothing.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String HOST = "127.0.0.1";
    private static final String READY = "Ready to accept connections";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final Path dataDirectory;
    private final int port;
    private final Thread stopOnExit = new Thread(this::close, "embedded-redis-stop");
    private DataDirectory binaryDirectory;
    private Process process;

    /**
     * @param dataDirectory where snapshots go; null to keep everything in memory only
     * @param port the port to listen on; 0 for a free one
     */
    public EmbeddedRedis(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = FreePort.orFree(port);
    }

    /** Starts the server; returns once Redis reports that it accepts connections. */
    public synchronized EmbeddedRedis start() {
        if (dataDirectory != null) {
            Leftovers.stop(pidFile(), null, "redis-server");
        }
        binaryDirectory = DataDirectory.of(null, "dbchat-redis-");
        Path binary = RedisBinary.extractTo(binaryDirectory.path());
        Path workDirectory = dataDirectory == null
                ? binaryDirectory.path()
                : DataDirectory.of(dataDirectory, "dbchat-redis-").path();
        try {
            process = new ProcessBuilder(command(binary, workDirectory))
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            // a child process outlives the JVM unless someone stops it
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            awaitReady();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Redis did not start", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private Path pidFile() {
        return dataDirectory.resolve("redis.pid");
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://" + HOST + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            // SIGTERM: Redis writes its snapshot (when it has a save point) and exits
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
            removeShutdownHook();
        }
        if (binaryDirectory != null) {
            binaryDirectory.release();
            binaryDirectory = null;
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            log.debug("JVM is exiting; the hook is what closes Redis now");
        }
    }

    private List<String> command(Path binary, Path workDirectory) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port),
                "--bind", HOST, "--daemonize", "no", "--appendonly", "no", "--dir", workDirectory.toString()));
        // one save point is enough for conversation context; "" turns snapshots off altogether
        command.addAll(dataDirectory == null ? List.of("--save", "")
                : List.of("--save", "60", "1", "--pidfile", pidFile().toString()));
        return command;
    }

    /** Reads the server's output until it says it is ready, then keeps draining it into the debug log. */
    private void awaitReady() {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread.ofVirtual().name("redis-output").start(() -> {
            try {
                for (String line; (line = output.readLine()) != null; ) {
                    if (!ready.isDone()) {
                        seen.append(line).append('\n');
                    }
                    log.debug("redis: {}", line);
                    if (line.contains(READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                log.debug("Redis output closed", e);
            }
            ready.completeExceptionally(new IllegalStateException("Redis exited:\n" + seen));
        });
        try {
            ready.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Redis did not start on " + url(), e);
        }
    }
}
