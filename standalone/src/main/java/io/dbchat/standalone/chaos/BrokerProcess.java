package io.dbchat.standalone.chaos;

import io.dbchat.standalone.infra.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker and controller in a JVM of its own, started from the Kafka jars as
 * DEPENDENCIES.md describes: {@code kafka.tools.StorageTool format --standalone}, then
 * {@code kafka.Kafka server.properties}. Its logs outlive a kill, so a restart recovers them.
 */
final class BrokerProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path directory;
    private final int port = FreePort.pick();
    private final JavaProcess process;

    BrokerProcess(Path directory) {
        this.directory = directory;
        Path properties = directory.resolve("server.properties");
        int controller = FreePort.pick();
        try {
            Files.createDirectories(directory);
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + directory.resolve("logs"),
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "offsets.topic.num.partitions=6",
                    "transaction.state.log.num.partitions=6",
                    "") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var launch = new JavaProcess.Launch.MainClass("kafka.Kafka");
        int formatted = JavaProcess.runToEnd(new JavaProcess.Launch.MainClass("kafka.tools.StorageTool"),
                List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()),
                directory.resolve("format.log"));
        if (formatted != 0) {
            throw new IllegalStateException("kafka-storage format failed: see " + directory.resolve("format.log"));
        }
        process = new JavaProcess("broker", launch, List.of("-Xmx512m", "-XX:+UseSerialGC"),
                List.of(properties.toString()), Map.of(), directory.resolve("broker.log"));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    JavaProcess process() {
        return process;
    }

    /** Starts the broker JVM and returns once it answers an admin request. */
    BrokerProcess start() {
        process.start();
        awaitReady();
        return this;
    }

    void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        throw new IllegalStateException("the broker did not come up: see " + directory.resolve("broker.log"), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
