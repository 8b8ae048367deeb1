package io.dbchat.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.llm.LlmStub;
import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.GatewayApplication;
import io.dbchat.gateway.audit.AuditTopic;
import io.dbchat.standalone.Standalone;
import io.dbchat.standalone.StandaloneSettings;
import io.dbchat.standalone.audit.ScriptedQuestions.Conversation;
import io.dbchat.standalone.replay.ReplayCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

/**
 * Audit and replay end to end: 50 questions (follow-ups, guard refusals, a self-correction, one that times out) asked
 * through the running pipeline with a scripted model; every query's audit record, the search, the access rules, the
 * CLI export; then the same 50 replayed against another model that answers six differently, through the CLI and
 * through the API (the replay worker of the standalone process running what its gateway, or a gateway deployed
 * without stages, is asked for).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditReplayIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    static LlmStub model;
    static Standalone dbchat;
    static String base;
    static Instant from;
    static Instant to;
    /** Query id → the question asked, for every query of the run. */
    static final Map<String, String> asked = new ConcurrentHashMap<>();
    /** Conversation number → conversation id. */
    static final Map<Integer, String> conversations = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void askFiftyQuestions() throws Exception {
        model = new LlmStub().answerWith(ScriptedQuestions::answer);
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        llm().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(List.of("--dbchat.gateway.auth.mode=api-key",
                "--dbchat.gateway.auth.api-keys=key-a=alice,key-b=bob,key-c=carol",
                "--dbchat.gateway.audit.auditors=carol", "--dbchat.gateway.rate-limit.per-minute=0",
                // every recorded query has its model call: the semantic cache would answer repeats without one
                "--dbchat.translator.knowledge.cache=false"));
        dbchat = Standalone.start(new StandaloneSettings(Map.of(), args));
        base = "http://127.0.0.1:" + dbchat.port();
        awaitSchema();
        from = Instant.now().minusSeconds(1);
        var pool = Executors.newFixedThreadPool(6);
        List<Future<?>> all = new ArrayList<>();
        for (Conversation c : ScriptedQuestions.conversations()) {
            all.add(pool.submit(() -> converse(c)));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        to = Instant.now().plusSeconds(1);
    }

    @AfterAll
    static void stop() {
        if (dbchat != null) {
            dbchat.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    @Order(1)
    void everyQueryHasACompleteRecordWithEveryStageOnItsTimeline() {
        List<JsonNode> records = awaitAllAudited();

        assertThat(records).hasSize(50);
        Map<String, Integer> outcomes = new HashMap<>();
        for (JsonNode r : records) {
            outcomes.merge(r.path("outcome").asString(), 1, Integer::sum);
            assertThat(r.path("question").asString()).isEqualTo(asked.get(r.path("queryId").asString()));
            assertThat(r.path("llmCalls").size()).as(r.toString()).isPositive();
            assertThat(r.path("llmCalls").get(0).path("call").path("model").asString()).isEqualTo("model-a");
            assertThat(r.path("latencyMs").asLong()).as(r.toString()).isPositive();
            Set<String> stages = stages(r);
            assertThat(stages).as(r.path("question").asString()).contains("gateway", "translator", "interpreter");
            if (!r.path("outcome").asString().equals("TIMED_OUT")) {
                assertThat(r.path("translator").path("provider").asString()).as(r.toString()).isEqualTo("openai");
                assertThat(r.path("translator").path("model").asString()).isEqualTo("model-a");
                assertThat(r.path("translator").path("promptVersion").asString()).isNotBlank();
                assertThat(r.path("schemaVersion").asString()).isNotBlank();
                assertThat(stages).as(r.path("question").asString()).contains("executor");
                assertThat(r.path("tokens").asLong()).as(r.toString()).isPositive();
                assertThat(r.path("costUsd").decimalValue()).as(r.toString()).isPositive();
            }
        }
        assertThat(outcomes).containsEntry("ANSWERED", 47).containsEntry("REFUSED", 2).containsEntry("TIMED_OUT", 1);
        JsonNode corrected = byTag(records, "[c5t1]");
        assertThat(corrected.path("attempts")).hasSize(2);
        assertThat(corrected.path("attempts").get(0).path("sqlState").asString()).isEqualTo("22P02");
        assertThat(corrected.path("attempts").get(0).path("guard").asString()).isEqualTo("passed");
        assertThat(corrected.path("attempts").get(1).path("rowCount").asLong()).isPositive();
        assertThat(corrected.path("attempts").get(1).path("guard").asString()).isEqualTo("passed");
        JsonNode refused = byTag(records, "[c19t1]");
        assertThat(refused.path("attempts").get(0).path("guard").asString()).isEqualTo("refused");
        assertThat(refused.path("answer").path("problem").path("code").asString()).startsWith("sql.");
        JsonNode slow = byTag(records, "[c21t1]");
        assertThat(slow.path("llmCalls").get(0).path("call").path("status").asString()).isEqualTo("timeout");
    }

    @Test
    @Order(2)
    void theSearchFindsThemByPrincipalOutcomeAndTime() {
        List<JsonNode> records = awaitAllAudited();

        assertThat(search(ALICE_KEY(), "").path("total").asLong()).isEqualTo(32);
        assertThat(search(ScriptedQuestions.CAROL, "&principal=bob").path("total").asLong()).isEqualTo(17);
        assertThat(tags(search(ScriptedQuestions.CAROL, "&outcome=refused"))).containsExactlyInAnyOrder("[c19t1]", "[c20t1]");
        assertThat(tags(search(ScriptedQuestions.BOB, "&outcome=timed_out"))).containsExactly("[c21t1]");
        List<Long> slowest = new ArrayList<>();
        search(ScriptedQuestions.CAROL, "&sort=slowest&size=10").path("records").forEach(r -> slowest.add(r.path("latencyMs").asLong()));
        assertThat(slowest).hasSize(10).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(slowest.getFirst()).isGreaterThanOrEqualTo(5000);
        List<Instant> times = records.stream().map(r -> Instant.parse(r.path("askedAt").asString())).sorted().toList();
        Instant middle = times.get(25);
        long later = times.stream().filter(t -> !t.isBefore(middle)).count();
        JsonNode since = search(ScriptedQuestions.CAROL, middle, "&size=5&page=1");
        assertThat(since.path("total").asLong()).isEqualTo(later);
        assertThat(since.path("records")).hasSize(5);
    }

    @Test
    @Order(3)
    void bobCannotReadAlicesAuditNorStartAReplayAndTheAuditorCan() {
        String alices = idOf("[c1t1]");

        client(ScriptedQuestions.BOB).get().uri("/api/audit/queries/" + alices).exchange().expectStatus().isNotFound();
        client(ScriptedQuestions.BOB).get().uri("/api/audit/queries?principal=alice").exchange().expectStatus().isNotFound();
        client(ScriptedQuestions.BOB).post().uri("/api/audit/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", from.toString(), "to", to.toString())).exchange().expectStatus().isNotFound();
        client(ALICE_KEY()).get().uri("/api/audit/queries/" + alices).exchange().expectStatus().isOk();
        client(ScriptedQuestions.CAROL).get().uri("/api/audit/queries/" + alices).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.principal").isEqualTo("alice");
    }

    @Test
    @Order(4)
    void theCommandLineExportHoldsTheSameRecords() throws Exception {
        List<JsonNode> records = awaitAllAudited();
        Path jsonl = dir.resolve("audit.jsonl");

        var err = new ByteArrayOutputStream();
        int code = AuditCommand.run(new String[] {"--from", from.toString(), "--to", to.toString(), "--format", "jsonl",
                "--out", jsonl.toString(), "--bootstrap-servers", servers()}, Map.of(), quiet(),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        var csv = new ByteArrayOutputStream();
        int csvCode = AuditCommand.run(new String[] {"--from", from.toString(), "--to", to.toString(), "--format", "csv",
                "--principal", "bob", "--bootstrap-servers", servers()}, Map.of(), new PrintStream(csv, true, StandardCharsets.UTF_8), quiet());
        var one = new ByteArrayOutputStream();
        int oneCode = AuditCommand.run(new String[] {idOf("[c2t1]"), "--schema", "--bootstrap-servers", servers()},
                Map.of(), new PrintStream(one, true, StandardCharsets.UTF_8), quiet());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, String> exported = new HashMap<>();
        for (String line : Files.readAllLines(jsonl)) {
            JsonNode r = Json.MAPPER.readTree(line);
            exported.put(r.path("queryId").asString(), r.path("outcome").asString());
        }
        Map<String, String> served = new HashMap<>();
        records.forEach(r -> served.put(r.path("queryId").asString(), r.path("outcome").asString()));
        assertThat(exported).isEqualTo(served);
        assertThat(csvCode).isZero();
        String[] lines = csv.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo(AuditExport.CSV_HEADER);
        assertThat(lines).hasSize(18).allMatch(l -> l == lines[0] || l.contains(",bob,"));
        assertThat(oneCode).isZero();
        assertThat(one.toString(StandardCharsets.UTF_8)).contains("\"queryId\" : \"" + idOf("[c2t1]"))
                .contains("Schema ").contains("users");
    }

    @Test
    @Order(5)
    void aReplayAgainstAnotherModelReportsExactlyWhatChangedAndTouchesNoUser() throws Exception {
        awaitAllAudited();
        Map<String, String> before = conversationsOf(ALICE_KEY());
        before.putAll(conversationsOf(ScriptedQuestions.BOB));
        List<String> seen = new CopyOnWriteArrayList<>();
        Disposable subscriber = WebClient.create(base).get()
                .uri("/api/chat/conversations/" + conversations.get(1) + "/events").header("X-API-Key", ALICE_KEY())
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(SSE)
                .subscribe(e -> seen.add(String.valueOf(e.data())));
        Path reportFile = dir.resolve("replay.json");
        var out = new ByteArrayOutputStream();
        int requestsBefore = model.requests().size();

        int code = ReplayCommand.run(new String[] {"--from", from.toString(), "--to", to.toString(),
                "--translator", "openai", "--model", "model-b", "--report", reportFile.toString(),
                "--max-regressions", "0.05", "--rate", "100", "--timeout", "90", "--bootstrap-servers", servers()},
                Map.of(), stageProperties(), new PrintStream(out, true, StandardCharsets.UTF_8), quiet());
        subscriber.dispose();

        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(ReplayCommand.TOO_MANY_REGRESSIONS);
        JsonNode report = Json.MAPPER.readTree(Files.readString(reportFile));
        assertThat(report.path("changes")).hasSize(50);
        Map<String, String> changed = new HashMap<>();
        Set<String> replayIds = new HashSet<>();
        for (JsonNode c : report.path("changes")) {
            replayIds.add(c.path("replayQueryId").asString());
            if (!c.path("kind").asString().equals("UNCHANGED")) {
                changed.put(ScriptedQuestions.tag(c.path("question").asString()), c.path("kind").asString());
            }
        }
        assertThat(changed).isEqualTo(ScriptedQuestions.expectedChanges());
        assertThat(report.path("worse").asInt()).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rows_changed").contains("[c2t2]").contains("TOO MANY");
        // each follow-up went to the new model with the turns its original had
        assertThat(model.requests().subList(requestsBefore, model.requests().size()))
                .filteredOn(r -> r.prompt().contains("You translate questions")
                        && java.util.Arrays.equals(ScriptedQuestions.newest(r.prompt()), new int[] {7, 3}))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.prompt()).contains("[c7t1]").contains("[c7t2]")
                        .contains(ScriptedQuestions.table(7)));
        // no user saw the replay: not on the pipeline's replies, not in a conversation stream, not in the audit
        assertThat(seen).noneMatch(data -> replayIds.stream().anyMatch(data::contains));
        assertThat(replyIdsOnThePipeline()).doesNotContainAnyElementsOf(replayIds);
        Map<String, String> after = conversationsOf(ALICE_KEY());
        after.putAll(conversationsOf(ScriptedQuestions.BOB));
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(6)
    void theAuditorFollowsAReplayThroughTheApi() {
        List<ServerSentEvent<String>> events = client(ScriptedQuestions.CAROL).post().uri("/api/audit/replays")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("from", from.toString(), "to", to.toString(), "principal", "bob", "limit", 3,
                        "translator", "openai", "model", "model-b", "rate", 50))
                .exchange().expectStatus().isOk().returnResult(SSE).getResponseBody()
                .collectList().block(Duration.ofSeconds(120));

        assertThat(events).isNotEmpty();
        assertThat(events).extracting(ServerSentEvent::event).contains("progress").last().isEqualTo("report");
        JsonNode report = Json.MAPPER.readTree(events.getLast().data()).path("report");
        assertThat(report.path("changes")).hasSize(3);
        assertThat(report.path("changes").findValuesAsString("principal")).containsOnly("bob");
    }

    @Test
    @Order(7)
    void aGatewayDeployedWithoutStagesServesAReplayThroughTheReplayWorker() {
        // a gateway as deployed alone (the way TwoInstancesIntegrationTest builds one): no stage in its process; the
        // replay worker of the standalone process takes its request from the broker
        try (ConfigurableApplicationContext alone = GatewayApplication.builder().run("--server.port=0",
                "--dbchat.kafka.bootstrap-servers=" + servers(),
                "--dbchat.redis.url=" + dbchat.infrastructureProperties().get("dbchat.redis.url"),
                "--dbchat.gateway.auth.mode=api-key", "--dbchat.gateway.auth.api-keys=key-c=carol",
                "--dbchat.gateway.audit.auditors=carol", "--logging.level.org.apache.kafka=warn")) {
            String url = "http://127.0.0.1:" + alone.getEnvironment().getRequiredProperty("local.server.port");
            List<ServerSentEvent<String>> events = WebTestClient.bindToServer().baseUrl(url)
                    .responseTimeout(Duration.ofSeconds(120)).defaultHeader("X-API-Key", ScriptedQuestions.CAROL).build()
                    .post().uri("/api/audit/replays").contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .bodyValue(Map.of("from", from.toString(), "to", to.toString(), "principal", "alice", "limit", 2,
                            "rate", 50))
                    .exchange().expectStatus().isOk().returnResult(SSE).getResponseBody()
                    .collectList().block(Duration.ofSeconds(150));

            assertThat(alone.getBeanProvider(Standalone.class).getIfAvailable()).isNull();
            assertThat(events).extracting(ServerSentEvent::event).contains("progress").last().isEqualTo("report");
            JsonNode report = Json.MAPPER.readTree(events.getLast().data()).path("report");
            assertThat(report.path("changes")).hasSize(2);
            assertThat(report.path("changes").findValuesAsString("principal")).containsOnly("alice");
        }
    }

    // ---- helpers

    private static String ALICE_KEY() {
        return ScriptedQuestions.ALICE;
    }

    static Map<String, String> llm() {
        Map<String, String> p = new HashMap<>();
        p.put("dbchat.llm.provider", "openai");
        p.put("dbchat.llm.model", "model-a");
        p.put("dbchat.llm.endpoints.openai.base-url", model.openAiBaseUrl());
        p.put("dbchat.llm.endpoints.openai.api-key", "test");
        p.put("dbchat.llm.timeout", "5s");
        p.put("dbchat.llm.max-retries", "0");
        p.put("dbchat.translator.prices.model-a.input", "1");
        p.put("dbchat.translator.prices.model-a.output", "2");
        p.put("dbchat.translator.prices.model-b.input", "3");
        p.put("dbchat.translator.prices.model-b.output", "4");
        return p;
    }

    private static Map<String, String> stageProperties() {
        Map<String, String> p = new HashMap<>(dbchat.infrastructureProperties());
        p.putAll(llm());
        return p;
    }

    private static String servers() {
        return dbchat.infrastructureProperties().get("dbchat.kafka.bootstrap-servers");
    }

    private static void converse(Conversation c) {
        String conversation = null;
        for (String question : c.questions()) {
            Map<String, Object> body = new HashMap<>(Map.of("query", question));
            if (conversation != null) {
                body.put("conversation_id", conversation);
            }
            JsonNode answer = Json.MAPPER.readTree(client(c.key()).post().uri("/api/chat/query/")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectBody().returnResult().getResponseBody());
            conversation = answer.path("conversation_id").asString();
            asked.put(answer.path("query_id").asString(), question);
        }
        conversations.put(c.n(), conversation);
    }

    private static List<JsonNode> awaitAllAudited() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode page = null;
        while (System.nanoTime() < deadline) {
            page = search(ScriptedQuestions.CAROL, "&size=100");
            List<JsonNode> finished = new ArrayList<>();
            page.path("records").forEach(r -> {
                // records of several topics may be merged in any order: complete is asked, answered and ended
                if (present(r, "question") && present(r, "outcome") && present(r, "finishedAt")) {
                    finished.add(r);
                }
            });
            if (finished.size() == asked.size() && page.path("total").asInt() == asked.size()) {
                return finished;
            }
            pause();
        }
        throw new AssertionError("not every query was audited in time: " + page);
    }

    private static boolean present(JsonNode record, String field) {
        return !record.path(field).isMissingNode() && !record.path(field).isNull();
    }

    private static JsonNode search(String key, String query) {
        return search(key, from, query);
    }

    private static JsonNode search(String key, Instant since, String query) {
        byte[] body = client(key).get().uri("/api/audit/queries?from=" + since + "&to=" + to + query).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Json.MAPPER.readTree(body);
    }

    private static List<String> tags(JsonNode page) {
        List<String> tags = new ArrayList<>();
        page.path("records").forEach(r -> tags.add(ScriptedQuestions.tag(r.path("question").asString())));
        return tags;
    }

    private static JsonNode byTag(List<JsonNode> records, String tag) {
        return records.stream().filter(r -> r.path("question").asString().contains(tag)).findFirst().orElseThrow();
    }

    private static String idOf(String tag) {
        return asked.entrySet().stream().filter(e -> e.getValue().contains(tag)).findFirst().orElseThrow().getKey();
    }

    private static Set<String> stages(JsonNode record) {
        Set<String> stages = new HashSet<>();
        record.path("timeline").forEach(s -> stages.add(s.path("stage").asString()));
        return stages;
    }

    /** Each conversation of the key's principal, with its turns, as the API shows them. */
    private static Map<String, String> conversationsOf(String key) {
        Map<String, String> all = new HashMap<>();
        JsonNode list = Json.MAPPER.readTree(client(key).get().uri("/api/chat/conversations").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        for (JsonNode c : list) {
            String id = c.path("conversation_id").asString();
            all.put(id, new String(client(key).get().uri("/api/chat/conversations/" + id).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8));
        }
        return all;
    }

    private static Set<String> replyIdsOnThePipeline() {
        Set<String> ids = new HashSet<>();
        TopicReading.readAll(servers(), Topics.withPrefix(Topics.DEFAULT_PREFIX).replies(), null,
                (record, reply) -> ids.add(reply.queryId()));
        TopicReading.readAll(servers(), AuditTopic.withPrefix(Topics.DEFAULT_PREFIX), null,
                (record, audit) -> ids.add(audit.queryId()));
        return ids;
    }

    private static void awaitSchema() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            var status = client(ScriptedQuestions.CAROL).get().uri("/api/chat/schema-info/").exchange()
                    .expectBody().returnResult().getStatus();
            if (status.is2xxSuccessful()) {
                return;
            }
            pause();
        }
        throw new AssertionError("no schema reached the gateway");
    }

    private static WebTestClient client(String key) {
        return WebTestClient.bindToServer().baseUrl(base).responseTimeout(Duration.ofSeconds(60))
                .defaultHeader("X-API-Key", key).build();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
