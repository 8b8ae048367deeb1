package io.dbchat.standalone;

import io.dbchat.executor.ExecutorApplication;
import io.dbchat.gateway.GatewayApplication;
import io.dbchat.interpreter.InterpreterApplication;
import io.dbchat.schemapublisher.SchemaPublisherApplication;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.standalone.replay.ReplayWorker;
import io.dbchat.translator.TranslatorApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * All five stages in one process, each in its own Spring application context exactly as it would run
 * as a separate service, over the embedded (or configured) Kafka, PostgreSQL and Redis; and a replay worker, which
 * runs the replays asked of any gateway on the broker.
 */
public final class Standalone implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Standalone.class);

    private final Infrastructure infrastructure;
    private final List<ConfigurableApplicationContext> stages = new ArrayList<>();
    /** Every stage's meters in one registry, scraped at the gateway's /actuator/prometheus. */
    private final SharedMeters meters = new SharedMeters();
    private ReplayWorker replays;

    private Standalone(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    public static Standalone start(StandaloneSettings settings) {
        var standalone = new Standalone(Infrastructure.start(settings));
        try {
            standalone.startStages(settings);
        } catch (RuntimeException e) {
            standalone.close();
            throw e;
        }
        return standalone;
    }

    private void startStages(StandaloneSettings settings) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(infrastructure.properties());
        if (!settings.has("DBCHAT_GATEWAY_AUTH_MODE")) {
            // the local demo is open; a deployed gateway asks for API keys or JWTs unless told otherwise
            properties.put("dbchat.gateway.auth.mode", "open");
        }
        if (!settings.has("DBCHAT_GATEWAY_RATELIMIT_PERMINUTE")) {
            // in the open demo every caller is the same principal: one shared budget would only get in the way
            properties.put("dbchat.gateway.rate-limit.per-minute", "0");
        }
        // the process stops its gateway's server (gracefully) before the server's event loops: those loops then idle
        // for nothing, Reactor Netty's 2 s quiet period before they shut down, at every stop
        properties.put("spring.reactor.netty.shutdown-quiet-period", "0s");
        // one process, one name in its log lines (each stage's own name would otherwise stick to all of them)
        properties.put("spring.application.name", "dbchat");
        List<String> args = arguments(properties, settings.arguments());
        Map<Class<?>, Supplier<SpringApplicationBuilder>> order = new java.util.LinkedHashMap<>();
        order.put(SchemaPublisherApplication.class, SchemaPublisherApplication::builder);
        order.put(TranslatorApplication.class, TranslatorApplication::builder);
        order.put(ExecutorApplication.class, ExecutorApplication::builder);
        order.put(InterpreterApplication.class, InterpreterApplication::builder);
        order.put(GatewayApplication.class, GatewayApplication::builder);
        startSideBySide(order, settings, args);
        // the gateway's own settings say where its replay requests go; a replay's stages get this process's properties
        replays = ReplayWorker.start(gateway().getBean(PipelineProperties.class),
                replayProperties(properties, settings.arguments()));
    }

    /**
     * Starts the stages' contexts side by side, each on a thread of its own, and keeps them in {@code order} (the
     * gateway last): no stage needs another to start (each makes the topics it uses and waits for those it reads, as
     * the separate services do when a deployment starts them together), and much of a start is waiting on the broker,
     * which one after another added up. The first stage sets up the process's logging before the others begin:
     * Spring Boot's logging system is process-wide and its set-up is not made for two contexts at once (two at the
     * same moment can leave its suppress-everything filter behind, and no line would be logged again).
     * When one fails, those that started are closed with the process.
     */
    private void startSideBySide(Map<Class<?>, Supplier<SpringApplicationBuilder>> order, StandaloneSettings settings,
                                 List<String> args) {
        CountDownLatch logging = new CountDownLatch(1);
        List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
        try (var executor = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("dbchat-start-", 0).factory())) {
            order.forEach((application, builder) -> {
                boolean first = starts.isEmpty();
                starts.add(executor.submit(() -> {
                    if (!first) {
                        logging.await();
                    }
                    try {
                        return builder.get()
                                .main(application)
                                .initializers(context -> {
                                    // initializers run once the environment, and with it the logging, is set up
                                    logging.countDown();
                                    withEnvironment(context, settings.environment());
                                    meters.shareWith(context);
                                })
                                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                                .run(stageArguments(application, args));
                    } finally {
                        logging.countDown();
                    }
                }));
            });
        }
        SideBySide.collect(starts, stages::add, "the stages");
    }

    /** The stages' properties and the caller's --key=value arguments but the HTTP port, for a replay's stages. */
    private static Map<String, String> replayProperties(Map<String, String> properties, List<String> arguments) {
        Map<String, String> all = new java.util.LinkedHashMap<>(properties);
        for (String a : arguments) {
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 2 && !a.startsWith("--server.")) {
                all.put(a.substring(2, eq), a.substring(eq + 1));
            }
        }
        return all;
    }

    /** One HTTP port for the process: the gateway's; the other stages' actuator servers stay off. */
    private static String[] stageArguments(Class<?> application, List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (application != GatewayApplication.class) {
            all.add("--spring.main.web-application-type=none");
        }
        return all.toArray(String[]::new);
    }

    /**
     * The settings' environment, read by the stages exactly as they read the process environment
     * (DBCHAT_DATASOURCE_URL binds to dbchat.datasource.url), and winning over it: a caller may
     * start dbchat with other settings than its own process has, as {@code dbchat eval} does.
     */
    private static void withEnvironment(ConfigurableApplicationContext context, Map<String, String> environment) {
        context.getEnvironment().getPropertySources().addBefore(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource("dbchatSettings", Map.copyOf(environment)));
    }

    /** The gateway's context: its HTTP port, its beans. */
    public ConfigurableApplicationContext gateway() {
        return stages.getLast();
    }

    /** The HTTP port the gateway listens on. */
    public int port() {
        return Integer.parseInt(gateway().getEnvironment().getProperty("local.server.port", "8080"));
    }

    public Map<String, String> infrastructureProperties() {
        return infrastructure.properties();
    }

    static List<String> arguments(Map<String, String> properties, List<String> extra) {
        // an argument the caller gives wins: Spring would join two values of one key into a list
        Set<String> given = extra.stream().filter(a -> a.startsWith("--"))
                .map(a -> a.substring(2, a.contains("=") ? a.indexOf('=') : a.length())).collect(Collectors.toSet());
        List<String> args = new ArrayList<>();
        properties.forEach((k, v) -> {
            if (!given.contains(k)) {
                args.add("--" + k + "=" + v);
            }
        });
        args.addAll(extra);
        return args;
    }

    @Override
    public void close() {
        if (replays != null) {
            replays.close();
        }
        closeStages();
        stages.clear();
        infrastructure.close();
        meters.close();
    }

    private static void closeQuietly(ConfigurableApplicationContext stage) {
        try {
            stage.close();
        } catch (RuntimeException e) {
            log.warn("Could not stop {} cleanly: {}", stage.getId(), e.toString());
        }
    }

    /**
     * The gateway first, so that no question comes in while the pipeline goes; then the other stages side by side:
     * none waits for another, and each spends its stop waiting on the broker (its last transaction, leaving its group).
     */
    private void closeStages() {
        if (stages.isEmpty()) {
            return;
        }
        stages.getLast().close();
        try (var executor = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("dbchat-stop-", 0).factory())) {
            stages.subList(0, stages.size() - 1).forEach(stage -> executor.execute(() -> closeQuietly(stage)));
        }
    }
}
