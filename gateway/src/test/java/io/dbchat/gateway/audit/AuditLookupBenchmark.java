package io.dbchat.gateway.audit;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.audit.AuditRecord.Outcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Benchmark, not a test: writes {@code n} (default 100,000) audit records to the audit topic of an in-process broker,
 * starts the gateway's audit topology (the global store and the index) on an empty state directory and times until it
 * has read them all, stops it and starts it again on the same directory (a restart: the checkpointed store, the
 * index read back from the snapshot the stop wrote) and times that, then times lookups by query id and searches (a principal's day, newest first;
 * an outcome over everything, slowest first).
 * Usage: {@code AuditLookupBenchmark [n]}; see gateway/BENCHMARK.md.
 */
public final class AuditLookupBenchmark {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final int PRINCIPALS = 200;

    private AuditLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        String servers = broker.getBrokersAsString();
        Topics topics = Topics.withPrefix(Topics.DEFAULT_PREFIX);
        Topic<String, AuditRecord> audit = AuditTopic.withPrefix(Topics.DEFAULT_PREFIX);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            List<NewTopic> all = new java.util.ArrayList<>(topics.all().stream()
                    .map(t -> new NewTopic(t.name(), 6, (short) 1)).toList());
            all.add(new NewTopic(audit.name(), 6, (short) 1));
            admin.createTopics(all).all().get();
        }
        long written = System.nanoTime();
        write(servers, audit, n);
        System.out.printf("wrote %,d records in %,d ms%n", n, (System.nanoTime() - written) / 1_000_000);

        // the state directory outlives each start, as dbchat.gateway.audit.state-dir (or dbchat.kafka.state-dir) does
        Path state = Files.createTempDirectory("audit-bench-state-");
        var p = new PipelineProperties(servers, Topics.DEFAULT_PREFIX, 6, (short) 1, Duration.ofDays(7),
                Duration.ofMillis(100), 1, state.toString());
        Properties config = new Properties();
        config.putAll(StageStreams.config("bench-audit", p, topics));
        try {
            try (Started first = Started.open(topics, audit, config, n)) {
                System.out.printf("first start (empty state directory: the whole audit topic read): running after "
                        + "%,d ms, store and index ready with %,d records after %,d ms%n", first.runningMs,
                        first.index.size(), first.readyMs);
            }
            try (Started restart = Started.open(topics, audit, config, n)) {
                System.out.printf("restart (checkpointed store, index read back from its snapshot): running after %,d ms, store "
                        + "and index ready with %,d records after %,d ms%n", restart.runningMs, restart.index.size(),
                        restart.readyMs);
                AuditRecords records = restart.records;
                SplittableRandom random = new SplittableRandom(7);
                time("lookup by query id", 20_000, i -> records.find("q-" + random.nextInt(n)).orElseThrow());
                time("search: a principal, from a day on, newest 50", 2_000, i -> records.search(new AuditSearch(
                        "user-" + random.nextInt(PRINCIPALS), null, T0.plus(Duration.ofDays(random.nextInt(20))),
                        T0.plus(Duration.ofDays(21)), null, null, 0, 50)));
                time("search: refused over all, slowest 50", 200, i -> records.search(new AuditSearch(
                        null, null, null, null, Outcome.REFUSED, AuditSearch.Sort.SLOWEST, 0, 50)));
            }
        } finally {
            broker.destroy();
        }
    }

    /** The audit topology started as a gateway starts it, once its store and index hold all {@code n} records. */
    private record Started(KafkaStreams streams, AuditIndex index, AuditIndexSnapshot snapshot, AuditRecords records,
                           long runningMs, long readyMs) implements AutoCloseable {

        static Started open(Topics topics, Topic<String, AuditRecord> audit, Properties config, int n)
                throws InterruptedException {
            long started = System.nanoTime();
            AuditIndex index = new AuditIndex();
            var snapshot = new AuditIndexSnapshot(Path.of(config.getProperty(StreamsConfig.STATE_DIR_CONFIG),
                    "bench-audit-index.json"));
            if (snapshot.restore(index)) {
                index.ready();
                System.out.printf("  index snapshot read back: %,d records in %,d ms%n", index.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            var streams = new KafkaStreams(AuditTopology.build(new StreamsBuilder(), topics, audit, index).build(), config);
            AuditRecords records = new AuditRecords(() -> streams, index, audit);
            long[] running = {0};
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running[0] = (System.nanoTime() - started) / 1_000_000;
                    if (!index.isReady()) {
                        Thread.ofVirtual().start(records::rebuildIndex);
                    }
                }
            });
            streams.start();
            while (!index.isReady() || index.size() < n) {
                Thread.sleep(20);
            }
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(20);
            }
            return new Started(streams, index, snapshot, records, running[0], (System.nanoTime() - started) / 1_000_000);
        }

        /**
         * As the gateway stops: the Streams instance closed leaving the group (so the next start need not wait for a
         * session), then the index snapshot written.
         */
        @Override
        public void close() {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(60)));
            snapshot.save(index);
        }
    }

    private static void write(String servers, Topic<String, AuditRecord> audit, int n) throws Exception {
        // a bulk load of keyed records onto a compacted topic: a duplicate from a retry is harmless, and the in-process
        // broker under load refused the idempotent producer's retried batches (out of order sequence)
        Map<String, Object> c = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.ACKS_CONFIG, "1");
        SplittableRandom random = new SplittableRandom(42);
        Outcome[] outcomes = Outcome.values();
        try (var producer = new KafkaProducer<>(c, audit.key().serializer(), audit.value().serializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(audit.name(), "q-" + i, record(i, random, outcomes)));
            }
            producer.flush();
        }
    }

    private static AuditRecord record(int i, SplittableRandom random, Outcome[] outcomes) {
        Instant asked = T0.plusSeconds(random.nextLong(21 * 24 * 3600));
        Outcome outcome = outcomes[random.nextInt(outcomes.length)];
        var call = new LlmInteraction("openai", "gpt-4.1-mini", "translate-v1", 900 + random.nextInt(400),
                20 + random.nextInt(60), new BigDecimal("0.000" + (100 + random.nextInt(800))), 300 + random.nextInt(900),
                "ok", null);
        var attempt = new AuditRecord.SqlAttempt(1, "SELECT count(*) FROM projects WHERE status = 'On Hold'", 400,
                "passed", "not_refused", 1L, false, 8L, 3L, null, null, List.of("rows:projects"));
        long latency = 500 + random.nextInt(3000);
        return new AuditRecord(AuditRecord.VERSION, "q-" + i, "c-" + i / 3, "user-" + random.nextInt(PRINCIPALS), "default",
                "How many projects are on hold? (" + i + ")", asked, null, "v" + (i % 5),
                new TranslatorInfo("openai", "gpt-4.1-mini", "translate-v1"), List.of(new AuditRecord.LlmCall(1, call)),
                List.of(attempt), new AuditRecord.Answer("There are 12 projects on hold.", attempt.sql(), 1L,
                        outcome == Outcome.ANSWERED ? null : new Problem("x", "y")),
                outcome, List.of(new AuditRecord.Step("gateway", "asked", asked),
                        new AuditRecord.Step("interpreter", "answer", asked.plusMillis(latency))),
                asked.plusMillis(latency), 9);
    }

    private static void time(String what, int times, IntConsumer action) {
        for (int i = 0; i < Math.min(times, 500); i++) {
            action.accept(i); // warm-up
        }
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            action.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-40s n=%,6d  p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n", what, times,
                nanos[times / 2] / 1e6, nanos[times * 99 / 100] / 1e6, nanos[times - 1] / 1e6);
    }
}
