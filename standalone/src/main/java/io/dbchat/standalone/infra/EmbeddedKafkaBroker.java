package io.dbchat.standalone.infra;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker and controller in this JVM, listening on 127.0.0.1 only. Storage is
 * formatted only when the data directory has none yet, so topics and offsets survive a restart on it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final DataDirectory directory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param dataDirectory where the logs live; null for a temporary directory deleted on close
     * @param port the client port; 0 for a free one
     */
    public EmbeddedKafkaBroker(Path dataDirectory, int port) {
        this.directory = DataDirectory.of(dataDirectory, "dbchat-kafka-");
        this.port = FreePort.orFree(port);
        // the quorum is static (voters named in the configuration), so this port may differ per start
        this.controllerPort = FreePort.pick();
    }

    /** Formats storage if needed, starts the server and returns once it answers admin requests. */
    public EmbeddedKafkaBroker start() {
        Map<String, String> properties = properties();
        KafkaConfig config = new KafkaConfig(properties);
        formatIfNew(properties);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
            awaitReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return directory.path();
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        directory.release();
    }

    private Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory());
        // one node: every internal topic has a single replica, and few partitions keep start-up fast
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private String logDirectory() {
        return directory.path().toAbsolutePath().toString();
    }

    /**
     * Runs the storage tool's format command, the only formatting API visible at compile time (the
     * Formatter class lives in kafka-metadata, a runtime-scoped dependency of kafka_2.13).
     */
    private void formatIfNew(Map<String, String> properties) {
        if (Files.exists(directory.path().resolve("meta.properties"))) {
            return;
        }
        Path file = null;
        try {
            file = Files.createTempFile("dbchat-kafka-", ".properties");
            Properties props = new Properties();
            props.putAll(properties);
            try (Writer out = Files.newBufferedWriter(file)) {
                props.store(out, null);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()};
            if (StorageTool.execute(args, new PrintStream(output, true, UTF_8)) != 0) {
                throw new IllegalStateException("Kafka storage format failed: " + output.toString(UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format Kafka storage in " + logDirectory(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover file in the temp directory does no harm
        }
    }

    private void awaitReady() {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.describeCluster().nodes().get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not start on " + bootstrapServers(), e);
        }
    }
}
