package io.dbchat.translator.stage;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmStub;
import io.dbchat.translator.Translator;
import io.dbchat.translator.llm.InteractionLog;
import io.dbchat.translator.llm.LlmTranslator;
import io.dbchat.translator.llm.Prices;
import io.dbchat.translator.llm.Resilience;
import io.dbchat.translator.prompt.PromptBuilder;
import io.dbchat.translator.prompt.PromptTemplate;
import io.dbchat.translator.prompt.SchemaSelector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Runs the translator stage against a real broker: topics, an LLM translator on a stub, producers and readers. */
final class StageHarness {

    final String bootstrap;
    final Topics topics;
    final PipelineProperties settings;

    StageHarness(String bootstrap, int partitions) {
        this.bootstrap = bootstrap;
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        this.topics = Topics.withPrefix(prefix);
        this.settings = new PipelineProperties(bootstrap, prefix, partitions, (short) 1, Duration.ofDays(1),
                Duration.ofMillis(10), 1, null);
        createTopics(partitions);
    }

    private StageHarness(String bootstrap, Topics topics, PipelineProperties settings) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.settings = settings;
    }

    /** The same topics, with the stage committing every {@code interval} instead of the stages' default 10 ms. */
    StageHarness withCommitInterval(Duration interval) {
        return new StageHarness(bootstrap, topics, new PipelineProperties(bootstrap, settings.topicPrefix(),
                settings.partitions(), settings.replicationFactor(), settings.retention(), interval,
                settings.streamThreads(), settings.stateDir()));
    }

    private void createTopics(int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics.all().stream().map(t -> new NewTopic(t.name(), partitions, (short) 1)).toList())
                    .all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single KRaft broker whose transaction log fits on it, as exactly-once processing needs. */
    static EmbeddedKafkaKraftBroker broker(int partitions) {
        var kafka = new EmbeddedKafkaKraftBroker(1, partitions);
        kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "transaction.state.log.num.partitions", "4"));
        kafka.afterPropertiesSet();
        return kafka;
    }

    static Translator llm(LlmStub stub, Duration timeout) {
        return llm(stub.openAiBaseUrl(), timeout, "stub-model");
    }

    static Translator llm(LlmStub stub, Duration timeout, String modelName) {
        return llm(stub.openAiBaseUrl(), timeout, modelName);
    }

    /** The real LLM translator (LangChain4j OpenAI client, retries, prices) against an OpenAI-compatible URL. */
    static Translator llm(String openAiBaseUrl, Duration timeout, String modelName) {
        var p = new LlmProperties("openai", modelName, 0, timeout, 256, 0, Map.of("openai", new LlmProperties.Endpoint(null, openAiBaseUrl, null)));
        var prompts = new PromptBuilder(PromptTemplate.load("translate-v1", null), new SchemaSelector(6000, () -> null),
                "PostgreSQL", 100);
        var resilience = new Resilience(new Resilience.Settings(2, Duration.ofMillis(100), Duration.ofSeconds(1), 50,
                Duration.ofSeconds(5)), Clock.systemUTC());
        return new LlmTranslator(ChatModels.chat(p), "openai", modelName, prompts, resilience,
                new InteractionLog(new SimpleMeterRegistry()), Prices.defaults(), Clock.systemUTC());
    }

    /** A started stage; {@code inFlight} counts its calls in flight. */
    record Running(KafkaStreams streams, IntSupplier inFlight) implements AutoCloseable {
        @Override
        public void close() {
            streams.close(Duration.ofSeconds(30));
        }
    }

    Running start(Translator translator, TranslatorTopology.Options options, int threads) throws Exception {
        var builder = new StreamsBuilder();
        IntSupplier inFlight = TranslatorTopology.build(builder, topics, translator, options, Clock.systemUTC());
        var props = new Properties();
        props.putAll(StageStreams.config("translator", settings, topics));
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("translator-it-").toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        // a stopped instance's partitions move on after 6 s (the broker's minimum) rather than 45 s
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        var streams = new KafkaStreams(builder.build(), props);
        streams.start();
        return new Running(streams, inFlight);
    }

    <V> KafkaProducer<String, V> producer(Topic<String, V> topic) {
        return new KafkaProducer<>(KafkaClients.producer(settings, "test-" + UUID.randomUUID()), topic.key().serializer(),
                topic.value().serializer());
    }

    void publish(SchemaSnapshot schema, List<QuestionAsked> questions) throws Exception {
        try (var schemas = producer(topics.schema()); var asked = producer(topics.questions())) {
            schemas.send(new ProducerRecord<>(topics.schema().name(), schema.datasource(), schema)).get();
            for (QuestionAsked q : questions) {
                asked.send(new ProducerRecord<>(topics.questions().name(), q.conversationId(), q));
            }
            asked.flush();
        }
    }

    KafkaConsumer<String, SqlProposed> sqlReader() {
        var consumer = new KafkaConsumer<>(KafkaClients.reader(settings, "reader-" + UUID.randomUUID()),
                topics.sql().key().deserializer(), topics.sql().value().deserializer());
        var partitions = consumer.partitionsFor(topics.sql().name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
