package io.dbchat.schemapublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The stage end to end: a real KRaft broker, real PostgreSQL, the Spring application as deployed. */
class SchemaPublisherIntegrationTest {

    private static EmbeddedKafkaKraftBroker kafka;
    private static EmbeddedPostgres sales;

    @BeforeAll
    static void start() throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        sales = TestDatabases.start();
        TestDatabases.create(sales, "shop", "catalog-fixture.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        sales.close();
        kafka.destroy();
    }

    @Test
    void publishesOneSnapshotPerDatasourceKeyedByItsNameWithoutDeniedColumns() throws Exception {
        String prefix = prefix();
        try (var app = start(prefix, Map.of("hr", TestDatabases.datasource("hr", sales, "postgres", "postgres").url()))) {
            List<ConsumerRecord<String, SchemaSnapshot>> records = awaitRecords(prefix, 2);

            assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("sales", "hr");
            SchemaSnapshot shop = value(records, "sales");
            assertThat(shop.datasource()).isEqualTo("sales");
            assertThat(shop.version()).isEqualTo(SnapshotVersion.of(shop.tables()));
            assertThat(shop.table("users").orElseThrow().columns()).extracting(ColumnSchema::name).containsExactly("id", "email");
            assertThat(shop.table("Sales Dept.Order Items").orElseThrow().columns())
                    .extracting(ColumnSchema::name).containsExactly("Größe", "select", "MixedCase");
            assertThat(value(records, "hr").tables()).isEmpty();
        }
    }

    @Test
    void anUnchangedCatalogPublishesNothingNewAndAChangedOneANewVersion() throws Exception {
        String prefix = prefix();
        try (var app = start(prefix, Map.of())) {
            SchemaSnapshot first = awaitRecords(prefix, 1).getFirst().value();
            SchemaPublisher publisher = app.getBean(SchemaPublisher.class);

            SchemaPublisher.Refreshed again = publisher.refresh("sales");
            assertThat(again.published()).isFalse();
            assertThat(again.snapshot().version()).isEqualTo(first.version());
            assertThat(records(prefix)).hasSize(1);

            TestDatabases.execute(sales, "shop", "COMMENT ON TABLE many_values IS 'Changed'");
            SchemaPublisher.Refreshed changed = publisher.refresh("sales");
            assertThat(changed.published()).isTrue();
            assertThat(records(prefix)).extracting(r -> r.value().version()).containsExactly(first.version(), changed.snapshot().version());
        } finally {
            TestDatabases.execute(sales, "shop", "COMMENT ON TABLE many_values IS NULL");
        }
    }

    @Test
    void aRefreshRequestOnTheTopicRereadsTheCatalogNow() throws Exception {
        String prefix = prefix();
        try (var app = start(prefix, Map.of())) {
            awaitRecords(prefix, 1);
            TestDatabases.execute(sales, "shop", "COMMENT ON TABLE many_values IS 'Asked for'");
            try {
                var requests = Topics.withPrefix(prefix).schemaRequests();
                try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                        KafkaClients.producer(new PipelineProperties(kafka.getBrokersAsString(), prefix, 1, (short) 1,
                                Duration.ofDays(1), Duration.ofMillis(10), 1, null), "test-requests"),
                        requests.key().serializer(), requests.value().serializer())) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(requests.name(), "sales",
                            io.dbchat.contracts.events.SchemaRefreshRequested.of("sales", "ann", java.time.Instant.now()))).get();
                }

                var published = awaitRecords(prefix, 2);

                assertThat(published.getLast().value().table("many_values").orElseThrow().comment()).isEqualTo("Asked for");
            } finally {
                TestDatabases.execute(sales, "shop", "COMMENT ON TABLE many_values IS NULL");
            }
        }
    }

    @Test
    void aRestartDoesNotRepublishTheVersionAlreadyOnTheTopic() throws Exception {
        String prefix = prefix();
        try (var app = start(prefix, Map.of())) {
            awaitRecords(prefix, 1);
        }
        try (var app = start(prefix, Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> health(app).getStatus().equals(Status.UP));

            assertThat(app.getBean(SchemaPublisher.class).refresh("sales").published()).isFalse();
            assertThat(records(prefix)).hasSize(1);
        }
    }

    @Test
    void anUnreachableDatabaseIsDownWithTheReasonAndPublishingResumesWhenItIsBack() throws Exception {
        String prefix = prefix();
        int port = freePort();
        try (var app = start(prefix, Map.of("hr", "postgresql://localhost:" + port + "/postgres"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> health(app).getStatus().equals(Status.DOWN));
            assertThat(health(app).getDetails().get("hr").toString()).contains("reason=", "PSQLException", "refused");
            // the reachable datasource publishes on its own refresh thread, whatever the other one does
            assertThat(awaitRecords(prefix, 1)).extracting(ConsumerRecord::key).containsExactly("sales");

            try (EmbeddedPostgres hr = TestDatabases.start(port)) {
                assertThat(awaitRecords(prefix, 2)).extracting(ConsumerRecord::key).containsExactly("sales", "hr");
                await().atMost(Duration.ofSeconds(30)).until(() -> health(app).getStatus().equals(Status.UP));
            }
        }
    }

    private static ConfigurableApplicationContext start(String prefix, Map<String, String> extraDatasources) {
        List<String> props = new ArrayList<>(List.of(
                "dbchat.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "dbchat.kafka.topic-prefix=" + prefix,
                "dbchat.kafka.partitions=1",
                "dbchat.datasource.name=sales",
                "dbchat.datasource.url=" + TestDatabases.datasource("sales", sales, "shop", "reader").url(),
                "dbchat.datasource.username=reader",
                "dbchat.datasource.password=reader",
                "dbchat.schema.refresh-interval=1h",
                "dbchat.schema.retry-initial=100ms",
                "dbchat.schema.retry-max=1s",
                "dbchat.schema.connect-timeout=2s",
                "dbchat.schema.columns.exclude=users.password_hash"));
        extraDatasources.forEach((name, url) -> {
            props.add("dbchat.datasources." + name + ".url=" + url);
            props.add("dbchat.datasources." + name + ".username=postgres");
        });
        return SchemaPublisherApplication.builder().properties(props.toArray(String[]::new)).run("--server.port=0");
    }

    private static Health health(ConfigurableApplicationContext app) {
        return app.getBean(SchemaHealthIndicator.class).health();
    }

    private static List<ConsumerRecord<String, SchemaSnapshot>> awaitRecords(String prefix, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> records(prefix), r -> r.size() >= count);
    }

    /** Every record on the schema topic, oldest first. */
    private static List<ConsumerRecord<String, SchemaSnapshot>> records(String prefix) {
        var topic = Topics.withPrefix(prefix).schema();
        var settings = new PipelineProperties(kafka.getBrokersAsString(), prefix, 1, (short) 1, Duration.ofDays(1),
                Duration.ofMillis(10), 1, null);
        try (var consumer = new KafkaConsumer<>(KafkaClients.reader(settings, "test-" + UUID.randomUUID()),
                topic.key().deserializer(), topic.value().deserializer())) {
            var partition = new TopicPartition(topic.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, SchemaSnapshot>> out = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    private static SchemaSnapshot value(List<ConsumerRecord<String, SchemaSnapshot>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).reduce((a, b) -> b).orElseThrow().value();
    }

    private static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
