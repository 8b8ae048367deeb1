package io.dbchat.standalone.replay;

import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.executor.ExecutorApplication;
import io.dbchat.interpreter.InterpreterApplication;
import io.dbchat.standalone.audit.TopicReading;
import io.dbchat.translator.TranslatorApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stages a replay runs through, started for it in its namespace: translator (with the replay's provider, model
 * and prompt version), executor and interpreter, each its own Spring application as in the standalone process, over
 * the same broker and datasource. The namespace's schema topic first gets the pipeline's current snapshots.
 */
final class ReplayStages implements AutoCloseable {

    private final List<ConfigurableApplicationContext> stages = new ArrayList<>();

    private ReplayStages() {
    }

    static ReplayStages start(ReplayNamespace ns, ReplayOptions options, Map<String, String> properties) throws Exception {
        copySchemas(ns, options);
        ReplayStages replay = new ReplayStages();
        try {
            List<String> args = arguments(ns, options, properties);
            List<Supplier<SpringApplicationBuilder>> builders = List.of(TranslatorApplication::builder,
                    ExecutorApplication::builder, InterpreterApplication::builder);
            for (var builder : builders) {
                replay.stages.add(builder.get().bannerMode(Banner.Mode.OFF).run(args.toArray(String[]::new)));
            }
        } catch (RuntimeException e) {
            replay.close();
            throw e;
        }
        return replay;
    }

    static List<String> arguments(ReplayNamespace ns, ReplayOptions options, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("dbchat.kafka.bootstrap-servers", options.bootstrapServers());
        all.put("dbchat.kafka.topic-prefix", ns.prefix());
        all.put("dbchat.kafka.partitions", "2");
        all.put("dbchat.kafka.instance-id", "replay-" + ns.runId());
        all.put("spring.main.web-application-type", "none");
        all.put("spring.application.name", "dbchat-replay");
        if (options.translator() != null) {
            all.put("dbchat.llm.provider", options.translator());
        }
        if (options.model() != null) {
            all.put("dbchat.llm.model", options.model());
        }
        if (options.promptVersion() != null) {
            all.put("dbchat.translator.prompt-version", options.promptVersion());
        }
        List<String> args = new ArrayList<>();
        all.forEach((k, v) -> args.add("--" + k + "=" + v));
        return args;
    }

    /** The pipeline's newest snapshot of each datasource, onto the namespace's schema topic created for it. */
    private static void copySchemas(ReplayNamespace ns, ReplayOptions options) throws Exception {
        Topics pipeline = Topics.withPrefix(options.topicPrefix());
        Topic<String, SchemaSnapshot> target = ns.topics().schema();
        Map<String, SchemaSnapshot> newest = new HashMap<>();
        TopicReading.readAll(options.bootstrapServers(), pipeline.schema(), null,
                (record, snapshot) -> newest.put(snapshot.datasource(), snapshot));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(target.name(), 1, (short) -1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        var p = new PipelineProperties(options.bootstrapServers(), ns.prefix(), 1, (short) 1, Duration.ofDays(1),
                Duration.ofMillis(10), 1, null);
        try (var producer = new KafkaProducer<>(KafkaClients.producer(p, "dbchat-replay-schema-" + ns.runId()),
                target.key().serializer(), target.value().serializer())) {
            for (SchemaSnapshot s : newest.values()) {
                producer.send(new ProducerRecord<>(target.name(), s.datasource(), s)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        for (int i = stages.size() - 1; i >= 0; i--) {
            stages.get(i).close();
        }
        stages.clear();
    }
}
