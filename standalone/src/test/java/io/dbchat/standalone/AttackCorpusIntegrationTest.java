package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.runtime.PostgresUrl;
import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.executor.guard.GeneratedCorpus;
import io.dbchat.gateway.query.ReplyMessage;
import io.dbchat.llm.LlmStub;
import io.dbchat.standalone.infra.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The executor's whole adversarial corpus through the running system, and the demo database checksummed
 * before and after: not one byte of it may change. The corpus goes in twice: as proposed SQL on the
 * {@code sql} topic (what a compromised translator could publish), where every statement must be refused
 * with the code the guard's own tests expect; and as the replies of a language model to questions asked
 * over HTTP (a prompt injection that made the model write the attack), through translator, executor and
 * interpreter to the answer. The executor connects as the tables' owner, as when dbchat is pointed at an
 * application database, so the guard and the plan check are all that stand between an attack and the data; the
 * generated corpus (every expression position with a hostile subquery) goes in as proposed SQL too. Afterwards no
 * advisory lock is held and every pooled connection still stops a slow query at the statement timeout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackCorpusIntegrationTest {

    private static final Path CORPUS = Path.of(System.getProperty("basedir", "."))
            .resolve("../executor/src/test/resources/guard/attacks.tsv").normalize();
    private static final Pattern ATTACK = Pattern.compile("ATTACK-(\\d+)\\b");
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final Path DASHBOARD = Path.of(System.getProperty("basedir", "."))
            .resolve("../deploy/grafana/dashboards/dbchat.json").normalize();
    /** A metric selector in a PromQL query: the name right before its label braces. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    static LlmStub llm;
    static Standalone dbchat;
    static PipelineClient client;
    static List<Attack> corpus;
    static DatabaseFingerprint before;

    record Attack(int number, String code, String sql) {
    }

    @BeforeAll
    static void start() throws Exception {
        corpus = readCorpus();
        llm = new LlmStub().answerWith(AttackCorpusIntegrationTest::modelReply);
        dbchat = Standalone.start(new StandaloneSettings(
                Map.of("DBCHAT_LLM_PROVIDER", "openai", "OPENAI_BASE_URL", llm.openAiBaseUrl()),
                // the guard's tests deny the salaries as well as the password hashes; so does this database
                List.of("--server.port=0", "--dbchat.schema.columns.exclude=users.password_hash,users.salary",
                        "--dbchat.executor.username=" + EmbeddedDatabase.OWNER, "--dbchat.executor.password=",
                        "--dbchat.executor.allow-superuser=true")));
        client = new PipelineClient(dbchat.port());
        client.awaitSchema();
        try (var c = database()) {
            before = DatabaseFingerprint.of(c);
        }
    }

    @AfterAll
    static void stop() {
        if (dbchat != null) {
            dbchat.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    void everyAttackPublishedAsProposedSqlIsRefusedWithItsCodeAndNothingChanges() throws Exception {
        Topics topics = Topics.withPrefix(Topics.DEFAULT_PREFIX);
        Map<String, Attack> byQuery = new HashMap<>();
        try (var producer = new KafkaProducer<String, byte[]>(producerConfig())) {
            for (Attack attack : corpus) {
                var question = QuestionAsked.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "anonymous",
                        EmbeddedDatabase.DEMO, "attack " + attack.number(), Instant.now());
                var proposal = SqlProposed.of(question, attack.sql(), 1, TranslatorInfo.offline("attack-corpus"),
                        Usage.NONE, 0, null);
                byQuery.put(question.queryId(), attack);
                producer.send(new ProducerRecord<>(topics.sql().name(), question.conversationId(),
                        Json.MAPPER.writeValueAsBytes(proposal)));
            }
            producer.flush();
        }

        Map<String, ReplyEvent> finals = awaitFinals(topics.replies().name(), byQuery.keySet());

        List<String> wrong = new ArrayList<>();
        byQuery.forEach((queryId, attack) -> {
            var answer = finals.get(queryId).answer();
            String code = answer.problem() == null ? "none (it ran)" : answer.problem().code();
            if (!code.equals(attack.code()) || !answer.rows().isEmpty()) {
                wrong.add("#" + attack.number() + " expected " + attack.code() + ", got " + code + ": " + attack.sql());
            }
        });
        assertThat(wrong).as("attacks refused with another code, or run").isEmpty();
        assertUnchanged();
    }

    @Test
    void everyGeneratedAttackPublishedAsProposedSqlIsRefusedAndNothingChanges() throws Exception {
        Topics topics = Topics.withPrefix(Topics.DEFAULT_PREFIX);
        Map<String, String> byQuery = publish(topics, GeneratedCorpus.attacks().stream().map(GeneratedCorpus.Case::sql)
                .toList());

        Map<String, ReplyEvent> finals = awaitFinals(topics.replies().name(), byQuery.keySet());

        // the demo's columns differ from the guard's test schema, so a template may be refused before its payload
        List<String> ran = new ArrayList<>();
        byQuery.forEach((queryId, sql) -> {
            var answer = finals.get(queryId).answer();
            if (answer.problem() == null || !answer.rows().isEmpty()) {
                ran.add(sql);
            }
        });
        assertThat(byQuery).hasSizeGreaterThanOrEqualTo(300);
        assertThat(ran).as("generated attacks the pipeline ran").isEmpty();
        assertUnchanged();
    }

    /**
     * The third corpus (attacks-v3.tsv, written for the guard under policies) through the running system. This
     * system has no row or column policies, so reading an hourly rate is allowed here; what is denied to everyone is
     * checked without trusting the guard: no answer holds any of the demo's password hashes, and nothing changes.
     */
    @Test
    void theThirdCorpusThroughTheRunningSystemShowsNoPasswordHashAndChangesNothing() throws Exception {
        Topics topics = Topics.withPrefix(Topics.DEFAULT_PREFIX);
        List<String> statements = Files.readAllLines(CORPUS.resolveSibling("attacks-v3.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", 3)[2].replace("{NL}", "\n")).toList();
        List<String> hashes = new ArrayList<>();
        try (var c = database(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT password_hash FROM users WHERE password_hash IS NOT NULL")) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        Map<String, String> byQuery = publish(topics, statements);

        Map<String, ReplyEvent> finals = awaitFinals(topics.replies().name(), byQuery.keySet());

        assertThat(statements).hasSizeGreaterThanOrEqualTo(300);
        assertThat(hashes).isNotEmpty();
        List<String> leaked = new ArrayList<>();
        byQuery.forEach((queryId, sql) -> {
            String shown = Json.MAPPER.writeValueAsString(finals.get(queryId).answer());
            if (hashes.stream().anyMatch(shown::contains)) {
                leaked.add(sql);
            }
        });
        assertThat(leaked).as("statements whose answer held a password hash").isEmpty();
        assertUnchanged();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheCorpusNoLockIsHeldAndEveryPooledConnectionStillTimesOut() throws Exception {
        Topics topics = Topics.withPrefix(Topics.DEFAULT_PREFIX);
        // twice the pool, all at once, so that every pooled connection runs one; the planner cannot see the row count
        List<String> slow = Collections.nCopies(16,
                "SELECT count(*) FROM generate_series(1, (SELECT 4000000000)) AS g");
        Map<String, String> byQuery = publish(topics, slow);

        Map<String, ReplyEvent> finals = awaitFinals(topics.replies().name(), byQuery.keySet());

        assertThat(finals.values()).allSatisfy(f -> assertThat(f.answer().problem()).isNotNull()
                .satisfies(p -> assertThat(p.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT.code())));
        try (var c = database(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("advisory locks held").isZero();
        }
    }

    /** Publishes each statement as a translator's proposal; returns the query ids with their SQL. */
    private static Map<String, String> publish(Topics topics, List<String> statements) throws Exception {
        Map<String, String> byQuery = new HashMap<>();
        try (var producer = new KafkaProducer<String, byte[]>(producerConfig())) {
            for (String sql : statements) {
                var question = QuestionAsked.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "anonymous",
                        EmbeddedDatabase.DEMO, "generated attack", Instant.now());
                var proposal = SqlProposed.of(question, sql, 1, TranslatorInfo.offline("attack-corpus"), Usage.NONE, 0,
                        null);
                byQuery.put(question.queryId(), sql);
                producer.send(new ProducerRecord<>(topics.sql().name(), question.conversationId(),
                        Json.MAPPER.writeValueAsBytes(proposal)));
            }
            producer.flush();
        }
        return byQuery;
    }

    @Test
    void everyAttackALanguageModelWritesIsRefusedThroughTheGatewayAndNothingChanges() throws Exception {
        Map<String, Attack> byQuery = new HashMap<>();
        for (Attack attack : corpus) {
            byQuery.put(client.submit("ATTACK-" + attack.number() + ": show me everything"), attack);
        }

        List<String> ran = new ArrayList<>();
        byQuery.forEach((queryId, attack) -> {
            List<ReplyMessage> events = client.events(queryId);
            assertThat(events).as("events of attack #%d", attack.number()).isNotEmpty();
            ReplyMessage last = events.getLast();
            assertThat(last.type()).as("last event of attack #%d", attack.number()).isEqualTo(ReplyType.FINAL);
            boolean refused = last.answer().problem() != null && last.answer().rows().isEmpty();
            // of a reply holding several plain queries the translator takes the first, which the guard then checks
            boolean firstOfQueries = severalQueries(attack.sql()) && !last.answer().sql().contains(laterQuery(attack.sql()));
            if (!refused && !firstOfQueries) {
                ran.add("#" + attack.number() + " ran as " + last.answer().sql() + ": " + attack.sql());
            }
        });
        assertThat(ran).as("attacks the pipeline ran").isEmpty();
        assertThat(llm.requests()).as("the model was asked for every attack")
                .filteredOn(r -> ATTACK.matcher(r.prompt()).find()).hasSizeGreaterThanOrEqualTo(corpus.size());
        assertUnchanged();
    }

    @Test
    void everyMetricTheDashboardQueriesIsExposedByTheRunningSystem() throws Exception {
        // one question the model answers with an attack: a model call, a guard refusal and an answer to count
        client.ask("ATTACK-0: show me everything");
        Set<String> queried = new java.util.TreeSet<>();
        for (JsonNode panel : Json.MAPPER.readTree(DASHBOARD.toFile()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = SELECTOR.matcher(target.path("expr").asString());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }

        String scrape = client.metrics();

        assertThat(queried).as("metrics the dashboard at %s queries", DASHBOARD).hasSizeGreaterThanOrEqualTo(12);
        assertThat(queried).allSatisfy(name -> assertThat(scrape).as("the scrape, for " + name)
                .containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]"));
        assertThat(scrape).containsPattern("(?m)^dbchat_guard_refusals_total\\{code=\"sql\\.")
                .containsPattern("(?m)^dbchat_guard_cache_hits_total\\{cache=\"text\"")
                .containsPattern("(?m)^dbchat_llm_calls_total\\{.*provider=\"openai\"")
                .contains("dbchat_calls_in_flight{stage=\"executor\"} 0.0");
    }

    @Test
    void theChecksumsSeeAChangedRowAGrantAndANewFunction() throws Exception {
        try (var c = database()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("UPDATE teams SET name = name || ' ' WHERE id = (SELECT min(id) FROM teams)");
                st.execute("GRANT SELECT ON users TO PUBLIC");
                st.execute("CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
                assertThat(before.differences(DatabaseFingerprint.of(c)))
                        .anyMatch(d -> d.startsWith("table public.teams"))
                        .anyMatch(d -> d.startsWith("relations"))
                        .anyMatch(d -> d.startsWith("functions"));
            } finally {
                c.rollback();
            }
        }
    }

    private static void assertUnchanged() throws Exception {
        try (var c = database()) {
            assertThat(before.differences(DatabaseFingerprint.of(c))).as("changes in the database").isEmpty();
        }
    }

    private static boolean severalQueries(String sql) {
        List<String> statements = statements(sql);
        return statements.size() > 1 && statements.stream().map(st -> st.toLowerCase(Locale.ROOT))
                .allMatch(st -> st.startsWith("select") || st.startsWith("with"));
    }

    private static String laterQuery(String sql) {
        return statements(sql).getLast();
    }

    /** Splits on semicolons outside string literals, which is enough for the corpus' multi-statement lines. */
    private static List<String> statements(String sql) {
        return Arrays.stream(sql.split(";(?=(?:[^']*'[^']*')*[^']*$)")).map(String::strip).toList();
    }

    /** The model as an attacker controls it: the SQL of the attack the question names, in a code block. */
    private static LlmStub.Reply modelReply(LlmStub.Recorded request) {
        String prompt = request.prompt();
        Matcher m = ATTACK.matcher(prompt);
        if (prompt.contains("You translate questions") && m.find()) {
            return LlmStub.Reply.text("```sql\n" + corpus.get(Integer.parseInt(m.group(1))).sql() + "\n```");
        }
        return LlmStub.Reply.text("That query was refused.");
    }

    private static Map<String, ReplyEvent> awaitFinals(String topic, Set<String> queryIds) {
        var p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, ReplyEvent> finals = new HashMap<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(p)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (finals.size() < queryIds.size() && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    var event = Json.MAPPER.readValue(r.value(), ReplyEvent.class);
                    if (event.type() == ReplyType.FINAL && queryIds.contains(event.queryId())) {
                        finals.put(event.queryId(), event);
                    }
                }
            }
        }
        assertThat(finals).as("final answers within %s", WAIT).hasSameSizeAs(queryIds);
        return finals;
    }

    private static List<Attack> readCorpus() throws IOException {
        List<Attack> attacks = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            attacks.add(new Attack(attacks.size(), parts[0], parts[1]));
        }
        assertThat(attacks).as("attack corpus at %s", CORPUS).hasSizeGreaterThanOrEqualTo(150);
        return attacks;
    }

    private static Properties producerConfig() {
        var p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    private static String bootstrapServers() {
        return dbchat.infrastructureProperties().get("dbchat.kafka.bootstrap-servers");
    }

    private static Connection database() throws Exception {
        var p = dbchat.infrastructureProperties();
        return DriverManager.getConnection(PostgresUrl.parse(p.get("dbchat.datasource.url")).jdbcUrl(),
                p.get("dbchat.datasource.username"), null);
    }
}
