package io.dbchat.standalone.chaos;

import io.dbchat.contracts.serde.Json;
import io.dbchat.standalone.infra.EmbeddedDatabase;
import io.dbchat.standalone.infra.EmbeddedRedis;
import io.dbchat.standalone.infra.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * The system under test, every part a process of its own: a KRaft broker, PostgreSQL with the demo database,
 * Redis, the scripted model, and each stage instance as its own JVM (two translators, two gateways), each with
 * its own persistent state directory and group instance id, configured through its command line as deploy/
 * configures it through the environment.
 */
final class Cluster implements AutoCloseable {

    /** The stage instances, in start order; the gateways last. */
    static final List<String> INSTANCES = List.of("schema-publisher", "translator-a", "translator-b", "executor",
            "interpreter", "gateway-a", "gateway-b");

    private final ChaosOptions options;
    private final Path work;
    private final BrokerProcess broker;
    private final EmbeddedDatabase postgres;
    private final EmbeddedRedis redis;
    private final ScriptedModel model;
    private final Map<String, JavaProcess> stages = new LinkedHashMap<>();
    private final Map<String, Integer> gatewayPorts = new LinkedHashMap<>();
    private final Map<String, Integer> healthPorts = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Cluster(ChaosOptions options) {
        this.options = options;
        this.work = options.work();
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = new BrokerProcess(work.resolve("kafka"));
        postgres = new EmbeddedDatabase(work.resolve("postgres"), 0);
        redis = new EmbeddedRedis(work.resolve("redis"), 0);
        model = new ScriptedModel(options.modelLatency());
        for (String instance : INSTANCES) {
            stages.put(instance, stage(instance));
        }
        // child processes outlive this JVM unless someone stops them; close() may run twice, it is idempotent
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "chaos-cluster-stop"));
    }

    /** Starts the servers, then every stage; returns without waiting for the stages (a probe round does that). */
    Cluster start() {
        broker.start();
        postgres.start();
        postgres.ensureDemoDatabase();
        redis.start();
        model.start();
        stages.values().forEach(JavaProcess::start);
        return this;
    }

    BrokerProcess broker() {
        return broker;
    }

    EmbeddedDatabase postgres() {
        return postgres;
    }

    EmbeddedRedis redis() {
        return redis;
    }

    ScriptedModel model() {
        return model;
    }

    JavaProcess instance(String name) {
        return stages.get(name);
    }

    /** The base URLs of the gateways, whether up or not. */
    List<String> gateways() {
        return gatewayPorts.values().stream().map(p -> "http://127.0.0.1:" + p).toList();
    }

    /** The instance's health endpoint as it answers now: its JSON, or why there is none. */
    String health(String instance) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPorts.get(instance)
                    + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Instance to its health status once every one reports UP, or as each last answered when {@code bound} passed. */
    Map<String, String> awaitHealthy(Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        Map<String, String> status = new LinkedHashMap<>();
        for (String instance : INSTANCES) {
            String answer = health(instance);
            while (!isUp(answer) && Instant.now().isBefore(deadline)) {
                Faults.pause(Duration.ofMillis(500));
                answer = health(instance);
            }
            status.put(instance, isUp(answer) ? "UP" : answer);
        }
        return status;
    }

    private static boolean isUp(String health) {
        try {
            return Json.MAPPER.readTree(health).path("status").asString("").equals("UP");
        } catch (JacksonException e) {
            return false;
        }
    }

    private JavaProcess stage(String instance) {
        String stage = instance.replaceFirst("-[ab]$", "");
        List<String> args = new ArrayList<>(List.of(
                "--dbchat.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--dbchat.kafka.instance-id=" + instance,
                "--dbchat.kafka.state-dir=" + work.resolve(instance).resolve("state"),
                "--dbchat.datasource.name=" + EmbeddedDatabase.DEMO,
                "--dbchat.datasource.url=postgresql://127.0.0.1:" + postgres.port() + "/" + EmbeddedDatabase.DEMO,
                "--dbchat.datasource.username=" + postgres.username(),
                "--dbchat.datasource.password=" + postgres.password(),
                "--dbchat.executor.username=" + postgres.readerUsername(),
                "--dbchat.executor.password=" + postgres.readerPassword(),
                "--dbchat.schema.columns.exclude=users.password_hash",
                "--dbchat.redis.url=" + redis.url(),
                "--spring.main.banner-mode=off"));
        if (!options.recoveryFix()) {
            // the settings before static membership: a killed member is waited for until the clients' default session ends
            args.addAll(List.of("--dbchat.kafka.static-membership=false", "--dbchat.kafka.session-timeout=45s"));
        }
        switch (stage) {
            case "translator" -> args.addAll(List.of("--dbchat.llm.provider=openai",
                    "--dbchat.llm.endpoints.openai.base-url=" + model.openAiBaseUrl(), "--dbchat.llm.endpoints.openai.api-key=chaos",
                    "--dbchat.llm.model=chaos"));
            case "interpreter" -> args.add("--dbchat.llm.provider=offline");
            default -> {
            }
        }
        int port = FreePort.pick();
        healthPorts.put(instance, port);
        if (stage.equals("gateway")) {
            gatewayPorts.put(instance, port);
            args.addAll(List.of("--server.port=" + port, "--dbchat.gateway.auth.mode=open",
                    "--dbchat.gateway.rate-limit.per-minute=0"));
        } else {
            // as deploy/ runs a stage: a web server for the health endpoint only, with the reasons shown
            args.addAll(List.of("--spring.main.web-application-type=reactive", "--server.port=" + port,
                    "--management.endpoint.health.show-details=always"));
        }
        JavaProcess.Launch launch = options.serviceJars() == null
                ? new JavaProcess.Launch.MainClass(mainClass(stage))
                : new JavaProcess.Launch.ExecutableJar(serviceJar(stage));
        return new JavaProcess(instance, launch, List.of("-Xmx" + options.stageHeap(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED"),
                args, Map.of(), work.resolve(instance).resolve("stage.log"));
    }

    private static String mainClass(String stage) {
        return switch (stage) {
            case "schema-publisher" -> "io.dbchat.schemapublisher.SchemaPublisherApplication";
            case "translator" -> "io.dbchat.translator.TranslatorApplication";
            case "executor" -> "io.dbchat.executor.ExecutorApplication";
            case "interpreter" -> "io.dbchat.interpreter.InterpreterApplication";
            case "gateway" -> "io.dbchat.gateway.GatewayApplication";
            default -> throw new IllegalArgumentException(stage);
        };
    }

    /** {@code <project>/<stage>/target/dbchat-<stage>-<version>-exec.jar}, as {@code ./mvnw -Pservices package} leaves it. */
    private Path serviceJar(String stage) {
        Path target = options.serviceJars().resolve(stage).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("dbchat-" + stage + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no service jar in " + target
                            + ": build them with ./mvnw -Pservices -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException("no service jars under " + options.serviceJars(), e);
        }
    }

    @Override
    public void close() {
        List.copyOf(stages.values()).reversed().forEach(JavaProcess::kill);
        model.stop();
        redis.close();
        postgres.close();
        broker.process().stop();
    }
}
