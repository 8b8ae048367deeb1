package io.dbchat.standalone;

import io.dbchat.standalone.infra.EmbeddedDatabase;
import io.dbchat.standalone.infra.EmbeddedKafkaBroker;
import io.dbchat.standalone.infra.EmbeddedRedis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded Kafka broker, PostgreSQL (with the demo database) and Redis that the environment
 * does not name, and says, as Spring properties, where every stage finds them.
 */
final class Infrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    static Infrastructure start(StandaloneSettings settings) {
        var infra = new Infrastructure();
        try {
            infra.startAll(settings);
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        return infra;
    }

    Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /**
     * Starts the broker beside PostgreSQL and then Redis: none needs another, and each spends most of its start
     * waiting (the broker for its quorum, PostgreSQL for its cluster and the demo load, Redis for its process). The
     * two that run a binary of their own start one after the other.
     */
    /** Waits until {@code start} has finished, whether it started its server or failed (its caller reports which). */
    private static void awaitSettled(Future<?> start) throws InterruptedException {
        if (start == null) {
            return;
        }
        try {
            start.get();
        } catch (ExecutionException e) {
            // reported where every start's result is read
        }
    }

    private void startAll(StandaloneSettings settings) {
        Path data = settings.dataDir();
        if (data != null) {
            properties.put("dbchat.kafka.state-dir", data.resolve("streams").toString());
        }
        // every server is made (and picks its ports) here, one after another, so no two pick the same free port
        var kafka = settings.has("DBCHAT_KAFKA_BOOTSTRAP_SERVERS") ? null
                : new EmbeddedKafkaBroker(sub(data, "kafka"), 0);
        var db = settings.has("DBCHAT_DATASOURCE_URL") ? null : new EmbeddedDatabase(sub(data, "postgres"), 0);
        var redis = settings.has("DBCHAT_REDIS_URL") ? null : new EmbeddedRedis(sub(data, "redis"), 0);
        var starts = new ArrayList<Future<? extends AutoCloseable>>();
        var threads = Thread.ofPlatform().name("dbchat-infra-", 0).factory();
        try (var executor = Executors.newThreadPerTaskExecutor(threads)) {
            starts.add(kafka == null ? null : executor.submit(kafka::start));
            Future<? extends AutoCloseable> database = db == null ? null : executor.submit(() -> startDemoDatabase(db, datesToToday(settings)));
            starts.add(database);
            // Redis only after PostgreSQL: each writes out a binary and runs it, and a process forked by one while
            // the other still holds its fresh binary open for writing makes that exec fail (ETXTBSY, "Redis did not
            // start"); the broker runs in this JVM and forks nothing
            starts.add(redis == null ? null : executor.submit(() -> {
                awaitSettled(database);
                return redis.start();
            }));
        }
        SideBySide.collect(starts, this::keep, "the embedded servers");
        if (kafka != null) {
            properties.put("dbchat.kafka.bootstrap-servers", kafka.bootstrapServers());
            log.info("Embedded Kafka broker at {}", kafka.bootstrapServers());
        }
        if (db != null) {
            putDemoDatabase(db);
        }
        if (redis != null) {
            properties.put("dbchat.redis.url", redis.url());
            log.info("Embedded Redis at {}", redis.url());
        }
    }

    /**
     * Whether a freshly loaded demo gets its dates moved up to today (DBCHAT_DEMO_DATES or the system property
     * dbchat.demo.dates: {@code today}, the default, or {@code as-recorded}, which the tests use so that no answer
     * they check depends on the day they run).
     */
    static boolean datesToToday(StandaloneSettings settings) {
        String dates = settings.has("DBCHAT_DEMO_DATES") ? settings.get("DBCHAT_DEMO_DATES")
                : System.getProperty("dbchat.demo.dates", "today");
        return switch (dates) {
            case "today" -> true;
            case "as-recorded" -> false;
            default -> throw new IllegalArgumentException(
                    "DBCHAT_DEMO_DATES must be 'today' or 'as-recorded', not '" + dates + "'");
        };
    }

    private static EmbeddedDatabase startDemoDatabase(EmbeddedDatabase db, boolean datesToToday) {
        db.start();
        try {
            if (db.ensureDemoDatabase()) {
                if (datesToToday) {
                    db.moveDemoDatesToToday();
                }
                log.info("Loaded the demo database");
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private void putDemoDatabase(EmbeddedDatabase db) {
        String url = "postgresql://" + db.host() + ":" + db.port() + "/" + EmbeddedDatabase.DEMO;
        properties.put("dbchat.datasource.name", EmbeddedDatabase.DEMO);
        properties.put("dbchat.datasource.url", url);
        properties.put("dbchat.datasource.username", db.username());
        properties.put("dbchat.datasource.password", db.password() == null ? "" : db.password());
        // the demo shows the denylist at work: the hashes are never published, so no question can reach them
        properties.put("dbchat.schema.columns.exclude", "users.password_hash");
        // questions run as the least-privileged reader; the catalog is read as the owner
        properties.put("dbchat.executor.username", db.readerUsername());
        properties.put("dbchat.executor.password", db.readerPassword());
        log.info("Embedded PostgreSQL with the demo database at {}", url);
    }

    private <T extends AutoCloseable> T keep(T server) {
        started.add(server);
        return server;
    }

    private static Path sub(Path data, String name) {
        return data == null ? null : data.resolve(name);
    }

    /** Stops the servers side by side: the stages that used them are gone, and none of them needs another. */
    @Override
    public void close() {
        var threads = Thread.ofPlatform().name("dbchat-infra-stop-", 0).factory();
        try (var executor = Executors.newThreadPerTaskExecutor(threads)) {
            started.forEach(server -> executor.execute(() -> closeQuietly(server)));
        }
        started.clear();
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Could not stop {} cleanly: {}", server.getClass().getSimpleName(), e.toString());
        }
    }
}
