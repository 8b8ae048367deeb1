package io.dbchat.schemapublisher;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Re-reads every datasource's catalog on its own schedule: the refresh interval after a success, an
 * exponential backoff after failures. A failure never stops the loop nor the application; the loop's threads
 * keep the service's JVM running until the application context closes.
 */
final class RefreshLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefreshLoop.class);

    private final SchemaPublisher publisher;
    private final Duration interval;
    private final Backoff backoff;
    private ScheduledExecutorService scheduler;

    RefreshLoop(SchemaPublisher publisher, Duration interval, Backoff backoff) {
        this.publisher = publisher;
        this.interval = interval;
        this.backoff = backoff;
    }

    @Override
    public synchronized void start() {
        // A thread per datasource, so that one slow or unreachable database does not delay the others.
        // Not daemons: run as its own service, the stage has no web server, and these threads are what keeps
        // its JVM alive until the context closes (stop() ends them).
        scheduler = Executors.newScheduledThreadPool(Math.max(1, publisher.datasources().size()),
                Thread.ofPlatform().name("schema-refresh-", 1).daemon(false).factory());
        publisher.datasources().forEach(ds -> scheduler.execute(() -> attempt(ds, 0)));
    }

    private void attempt(String datasource, int failuresSoFar) {
        int failures;
        try {
            publisher.refresh(datasource);
            if (failuresSoFar > 0) {
                log.info("Schema of {} is readable again after {} failed attempts", datasource, failuresSoFar);
            }
            failures = 0;
        } catch (RuntimeException e) {
            failures = failuresSoFar + 1;
            log.warn("{}; retrying in {}", e.getMessage(), backoff.delay(failures));
        }
        Duration next = failures == 0 ? interval : backoff.delay(failures);
        int scheduledFailures = failures;
        synchronized (this) {
            if (scheduler != null && !scheduler.isShutdown()) {
                scheduler.schedule(() -> attempt(datasource, scheduledFailures), next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public synchronized void stop() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
