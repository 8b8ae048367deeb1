package io.dbchat.standalone.replay;

import io.dbchat.contracts.runtime.PipelineProperties;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code dbchat replay-worker [--dbchat.kafka.bootstrap-servers=HOST:PORT] [--key=value ...]}: a replay worker as a
 * process of its own, for gateways deployed without the stages. It reads the settings as every stage does (the
 * environment, DBCHAT_KAFKA_BOOTSTRAP_SERVERS ..., then {@code --key=value} arguments), runs until stopped, and passes
 * its arguments on to the stages each replay starts (the datasource, Redis and model come from the environment).
 */
public final class ReplayWorkerCommand {

    static final String USAGE = """
            usage: dbchat replay-worker [--dbchat.kafka.bootstrap-servers=HOST:PORT] [--dbchat.kafka.topic-prefix=PREFIX]
                                        [--key=value ...]

            Runs the replays that gateways are asked for (POST /api/audit/replays): takes each request from the topic
            PREFIX + "replay.requests", starts a translator (with the requested translator, model and prompt version),
            an executor and an interpreter in a namespace of their own, as 'dbchat replay' does, and publishes the
            progress and the report on PREFIX + "replay.updates", which the gateway streams to its caller. Settings
            come from the environment as for every stage (DBCHAT_KAFKA_BOOTSTRAP_SERVERS, DBCHAT_DATASOURCE_URL,
            DBCHAT_REDIS_URL, DBCHAT_LLM_PROVIDER, ...); --key=value arguments win and reach the replays' stages too.""";

    private ReplayWorkerCommand() {
    }

    /** Runs until the JVM is stopped (SIGTERM, Ctrl-C); 2 on bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        var unexpected = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--") || !a.contains("=")).findFirst();
        if (unexpected.isPresent()) {
            err.println("dbchat replay-worker: unexpected argument '" + unexpected.get() + "' (settings are --key=value)");
            err.println(USAGE);
            return 2;
        }
        var arguments = new SimpleCommandLinePropertySource(args);
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(arguments);
        PipelineProperties pipeline = Binder.get(environment).bindOrCreate("dbchat.kafka", PipelineProperties.class);
        Map<String, String> stageProperties = new java.util.HashMap<>();
        for (String name : arguments.getPropertyNames()) {
            stageProperties.put(name, arguments.getProperty(name));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ReplayWorker worker = ReplayWorker.start(pipeline, stageProperties);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "dbchat-replay-worker-stop"));
        out.println("dbchat replay worker ready on " + pipeline.bootstrapServers() + ", topics "
                + pipeline.topicPrefix() + "replay.requests and " + pipeline.topicPrefix() + "replay.updates");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
