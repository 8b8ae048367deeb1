package io.dbchat.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    private static final String TOPIC = "dbchat.test";

    @TempDir
    Path dataDir;

    @Test
    void runsTransactionsAndKeepsTopicsAcrossRestart() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0).start()) {
            createTopic(broker.bootstrapServers());
            produceInTransaction(broker.bootstrapServers(), "q-1", "How many projects are On Hold?");

            assertThat(consumeCommitted(broker.bootstrapServers()))
                    .containsExactly("q-1=How many projects are On Hold?");
        }

        try (EmbeddedKafkaBroker restarted = new EmbeddedKafkaBroker(dataDir, 0).start();
                Admin admin = admin(restarted.bootstrapServers())) {
            assertThat(admin.listTopics().names().get()).contains(TOPIC);
            assertThat(consumeCommitted(restarted.bootstrapServers())).hasSize(1);
        }
    }

    @Test
    void temporaryDirectoryIsDeletedOnClose() {
        Path directory;
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(null, 0).start()) {
            directory = broker.dataDirectory();
            assertThat(directory.resolve("meta.properties")).exists();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
        }
        assertThat(directory).doesNotExist();
    }

    private static void createTopic(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(Set.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static void produceInTransaction(String bootstrap, String key, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-tx",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, key, value));
            producer.commitTransaction();
        }
    }

    private static List<String> consumeCommitted(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }
}
