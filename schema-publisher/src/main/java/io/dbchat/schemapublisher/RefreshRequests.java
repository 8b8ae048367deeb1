package io.dbchat.schemapublisher;

import io.dbchat.contracts.events.SchemaRefreshRequested;
import io.dbchat.contracts.runtime.GroupMembership;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Acts on refresh requests from the {@code schema.requests} topic (the gateway's
 * {@code POST /api/chat/schema/refresh}): reads the named datasource's catalog now, or every one's. One
 * instance of a consumer group takes each request; an unchanged catalog still publishes nothing.
 */
final class RefreshRequests implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefreshRequests.class);

    private final SchemaPublisher publisher;
    private final PipelineProperties kafka;
    private final Topic<String, SchemaRefreshRequested> topic;
    private KafkaConsumer<String, SchemaRefreshRequested> consumer;
    private Thread thread;

    RefreshRequests(SchemaPublisher publisher, PipelineProperties kafka, Topic<String, SchemaRefreshRequested> topic) {
        this.publisher = publisher;
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public synchronized void start() {
        Map<String, Object> config = KafkaClients.reader(kafka, kafka.topicPrefix() + "schema-publisher-requests");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.topicPrefix() + "schema-publisher");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        config.putAll(GroupMembership.of(kafka, "schema-publisher"));
        consumer = new KafkaConsumer<>(config, topic.key().deserializer(), topic.value().deserializer());
        consumer.subscribe(List.of(topic.name()));
        thread = Thread.ofPlatform().name("schema-refresh-requests").daemon().start(this::poll);
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> handle(r.value()));
            }
        } catch (WakeupException e) {
            log.debug("Refresh requests: stopping");
        } catch (RuntimeException e) {
            log.warn("Refresh requests are no longer read: {}", e.toString());
        } finally {
            consumer.close();
        }
    }

    private void handle(SchemaRefreshRequested request) {
        if (request == null) {
            return;
        }
        List<String> targets = request.datasource() == null ? publisher.datasources() : List.of(request.datasource());
        for (String datasource : targets) {
            try {
                var refreshed = publisher.refresh(datasource);
                log.info("Refresh of {} asked by {}: {}", datasource, request.principal(),
                        refreshed.published() ? "published a new version" : "unchanged");
            } catch (RuntimeException e) {
                // an unknown datasource or an unreachable database: the scheduled loop reports and retries
                log.warn("Refresh of {} asked by {} failed: {}", datasource, request.principal(), e.getMessage());
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (consumer != null) {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return consumer != null;
    }
}
